import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { identifyAdvocates } from "../src/index.js";
import { BestOf } from "../src/rank/best-of.js";
import { compareRank } from "../src/rank/rank-order.js";
import { addPopulation, archetypeData } from "./fixtures/archetypes.js";

describe("BestOf", () => {
  const entry = fc.record({ customerId: fc.string({ maxLength: 3 }), advocate: fc.constantFrom(0, 0.25, 0.5, 1), confidence: fc.constantFrom(0, 0.5, 1) });

  it("keeps exactly what sorting everything and cutting to the limit keeps (ties included)", () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 3000 }), fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }), (entries, limit) => {
        const best = new BestOf(compareRank, limit);
        for (const item of entries) best.add(item);
        const expected = [...entries].sort(compareRank).slice(0, limit ?? entries.length);
        expect(best.sorted()).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it("rejects items no better than the worst kept once the buffer has been cut", () => {
    const best = new BestOf<number>((a, b) => b - a, 1);
    for (let n = 0; n < 1100; n += 1) best.add(n);
    expect(best.add(-1)).toBe(false);
    expect(best.sorted()).toEqual([1099]);
  });
});

describe("ranking with top", () => {
  it("lists the same advocates, in the same order, as the first rows of the full ranking", () => {
    const data = archetypeData();
    addPopulation(data, 1500, 11);
    const options = { minimum: { loyalty: 0, commitment: 0, voice: 0 } };
    const everyone = identifyAdvocates(data, options);
    const top = identifyAdvocates(data, { ...options, top: 25 });
    expect(everyone.advocates.length).toBeGreaterThan(1000);
    expect(top.advocates).toEqual(everyone.advocates.slice(0, 25));
    expect(top.segments).toEqual(everyone.segments);
  });
});
