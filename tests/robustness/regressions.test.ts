import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { armAdvocates, backtest, identifyAdvocates, readRecords } from "../../src/index.js";
import { archetypeData } from "../fixtures/archetypes.js";
import { messyData, normaliseId, saysYes } from "../fixtures/arbitraries.js";

// Failures the robustness properties found, kept as regressions (each first failed with the counterexample shown).

describe("an opt-out holds even when the rest of its customer row is invalid (lenient mode)", () => {
  it("a row with a bad e-mail still opts its customer out", () => {
    const result = identifyAdvocates(
      { customers: [{ customerId: "a", optedOut: true, email: "not-an-email" }], purchases: [{ customerId: "a", date: "2024-01-01", amount: 1 }] },
      // Nobody else has a record, and an excluded customer's records move nothing: "as of" must be given.
      { mode: "lenient", asOf: "2024-06-30", minimum: { loyalty: 0, commitment: 0, voice: 0 } },
    );
    expect(result.advocates.map((advocate) => advocate.customerId)).toEqual([]);
    expect(result.excluded.optedOut).toBe(1);
    expect(result.problems.map((problem) => problem.field)).toEqual(["email"]);
  });

  it("an opt-out field that cannot be read counts as an opt-out; a readable no does not", () => {
    const purchases = ["a", "b"].map((customerId) => ({ customerId, date: "2024-01-01", amount: 1 }));
    const result = identifyAdvocates(
      { customers: [{ customerId: "a", optedOut: "maybe" }, { customerId: "b", optedOut: "no", email: "x" }], purchases },
      { mode: "lenient", minimum: { loyalty: 0, commitment: 0, voice: 0 } },
    );
    expect(result.advocates.map((advocate) => advocate.customerId)).toEqual(["b"]);
  });

  it("property: any customer row that says optedOut (documented spellings) opts its customer out", () => {
    fc.assert(
      fc.property(messyData(), (data) => {
        const optedOut = new Set<string>();
        for (const row of data.customers) {
          if (row === null || typeof row !== "object" || Array.isArray(row)) continue;
          const record = row as Record<string, unknown>;
          const id = normaliseId(record.customerId);
          if (id !== undefined && saysYes(record.optedOut)) optedOut.add(id);
        }
        fc.pre(optedOut.size > 0);
        const result = identifyAdvocates(data, { mode: "lenient", asOf: "2026-06-30", minimum: { loyalty: 0, commitment: 0, voice: 0 } });
        for (const advocate of result.advocates) expect(optedOut.has(advocate.customerId)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe("a day's spend does not depend on the order of that day's rows", () => {
  it("0.1 + 0.2 + 0.3 in either order", () => {
    const day = [0.1, 0.2, 0.3].map((amount) => ({ customerId: "a", date: "2024-01-10", amount }));
    const options = { minimum: { loyalty: 0, commitment: 0, voice: 0 } };
    const forward = identifyAdvocates({ purchases: day }, options);
    const backward = identifyAdvocates({ purchases: [...day].reverse() }, options);
    expect(backward.advocates[0]?.evidence.loyalty.spend).toBe(forward.advocates[0]?.evidence.loyalty.spend);
    expect(JSON.stringify(backward.model)).toBe(JSON.stringify(forward.model));
  });

  it("property: reversing one customer's same-day purchases changes no number in the output", () => {
    const amount = fc.oneof(fc.constantFrom(0.1, 0.2, 0.3, 19.99, 4.35), fc.double({ min: 0.01, max: 1_000, noNaN: true }));
    const sameDay = fc.array(amount.map((value) => ({ customerId: "a", date: "2024-01-10", amount: value })), { minLength: 3, maxLength: 6 });
    const strip = (value: unknown) =>
      JSON.stringify(value, (key, entry: unknown) => (key === "row" || key === "cites" || key === "responseRefs" || key === "talkingPoints" ? undefined : entry));
    fc.assert(
      fc.property(sameDay, (rows) => {
        const options = { asOf: "2024-06-30", minimum: { loyalty: 0, commitment: 0, voice: 0 } };
        expect(strip(identifyAdvocates({ purchases: [...rows].reverse() }, options))).toBe(strip(identifyAdvocates({ purchases: rows }, options)));
      }),
      { numRuns: 150 },
    );
  });
});

describe("armAdvocates refuses limits that are not whole numbers ≥ 0", () => {
  const advocates = identifyAdvocates(archetypeData(), { minimum: { loyalty: 0, commitment: 0, voice: 0 } }).advocates;
  const criticism = { platform: "twitter", text: "Shipping is slow" };

  it("NaN, −1 and 1.5 are RangeErrors naming the option", () => {
    expect(() => armAdvocates(advocates, criticism, { brand: "B", maxPerThread: Number.NaN })).toThrow(/maxPerThread/);
    expect(() => armAdvocates(advocates, criticism, { brand: "B", maxPerThread: -1 })).toThrow(RangeError);
    expect(() => armAdvocates(advocates, criticism, { brand: "B", maxAlerts: 1.5 })).toThrow(/maxAlerts/);
    expect(armAdvocates(advocates, criticism, { brand: "B", maxPerThread: 0 }).kits).toEqual([]);
  });

  it("property: any number for the limits gives whole counts within the limits, or a RangeError", () => {
    const limit = fc.oneof(fc.integer({ min: -3, max: 6 }), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1.5, -0, 5e-324));
    fc.assert(
      fc.property(limit, limit, (maxPerThread, maxAlerts) => {
        let armed;
        try {
          armed = armAdvocates(advocates, criticism, { brand: "B", maxPerThread, maxAlerts });
        } catch (error) {
          expect(error).toBeInstanceOf(RangeError);
          return;
        }
        expect(Number.isInteger(armed.overCap) && armed.overCap >= 0).toBe(true);
        expect(armed.kits.length).toBeLessThanOrEqual(maxPerThread);
        expect(armed.alerts.length).toBeLessThanOrEqual(maxAlerts);
      }),
      { numRuns: 200 },
    );
  });
});

describe("error messages never throw themselves", () => {
  it("a bigint or circular splitDate gives the backtest's RangeError", () => {
    const data = { purchases: [{ customerId: "a", date: "2024-01-01", amount: 1 }, { customerId: "a", date: "2024-06-01", amount: 1 }] };
    expect(() => backtest(data, { splitDate: 0n as unknown as string })).toThrow(RangeError);
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(() => backtest(data, { splitDate: circular as unknown as string })).toThrow(/splitDate/);
  });
});

describe("large inputs do not overflow the call stack", () => {
  it("readRecords reads a JSON array of 130,000 records", async () => {
    const folder = mkdtempSync(join(tmpdir(), "ba-json-"));
    const file = join(folder, "purchases.json");
    writeFileSync(file, JSON.stringify(Array.from({ length: 130_000 }, (_, index) => ({ customerId: `c${index % 1000}`, date: "2024-01-01", amount: 1 }))));
    try {
      expect((await readRecords(file)).length).toBe(130_000);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe("BG/NBD expectations far beyond any horizon the options accept", () => {
  it("throw the model's own BtydError, never a bare RangeError (hyp2f1 overflows at a million weeks)", async () => {
    const { BtydError, expectedPurchases } = await import("../../src/index.js");
    expect(() => expectedPurchases({ r: 1, alpha: 1, a: 80, b: 150 }, 1e6, 1, 5, 10)).toThrow(BtydError);
    fc.assert(
      fc.property(
        fc.record({ r: fc.double({ min: 0.01, max: 10, noNaN: true }), alpha: fc.double({ min: 0.1, max: 100, noNaN: true }), a: fc.double({ min: 0.1, max: 200, noNaN: true }), b: fc.double({ min: 0.1, max: 500, noNaN: true }) }),
        fc.constantFrom(52, 1_040, 2e5, 1e6, 1e9),
        fc.integer({ min: 0, max: 50 }),
        (params, horizon, x) => {
          try {
            expect(Number.isFinite(expectedPurchases(params, horizon, x, x === 0 ? 0 : 5, 10))).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(BtydError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("the options refuse a horizon past 20 years, naming the option", async () => {
    const { resolveOptions } = await import("../../src/index.js");
    expect(() => resolveOptions({ loyaltyHorizonWeeks: 5e5 })).toThrow(/loyaltyHorizonWeeks/);
  });
});
