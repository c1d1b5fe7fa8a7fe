import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildProfiles, mergeProfileSets, resolveOptions, validateData, type PurchaseInput } from "../src/index.js";

const options = resolveOptions();

describe("buildProfiles", () => {
  it("holds customers in a Map, so IDs such as __proto__ and constructor are plain data", () => {
    const data = validateData(
      {
        purchases: [
          { customerId: "__proto__", date: "2026-01-01", amount: 5 },
          { customerId: "constructor", date: "2026-01-02", amount: 7 },
          { customerId: "__proto__", date: "2026-01-03", amount: 9 },
        ],
      },
      options,
    );
    const { profiles } = buildProfiles(data);
    expect([...profiles.keys()]).toEqual(["__proto__", "constructor"]);
    expect(profiles.get("__proto__")?.purchases.spend).toBe(14);
    expect(({} as Record<string, unknown>).spend).toBeUndefined();
  });

  it("merges same-day purchases into one purchase day and leaves returns out of buying", () => {
    const data = validateData(
      {
        purchases: [
          { customerId: "a", date: "2026-01-01T09:00:00Z", amount: 5, product: "Beans" },
          { customerId: "a", date: "2026-01-01T18:00:00Z", amount: 7, product: "Beans" },
          { customerId: "a", date: "2026-01-08", amount: 100, returned: true },
          { customerId: "a", date: "2026-01-09", amount: 0, product: "Mug" },
        ],
      },
      options,
    );
    const profile = buildProfiles(data).profiles.get("a")!;
    expect(profile.purchases.days).toHaveLength(2);
    expect(profile.purchases.daySpend).toEqual([12, 0]);
    expect(profile.purchases.orders).toBe(3);
    expect(profile.purchases.returned).toBe(1);
    expect(profile.purchases.spend).toBe(12);
    expect(profile.purchases.products.map(({ name, count }) => [name, count])).toEqual([
      ["Beans", 2],
      ["Mug", 1],
    ]);
    expect(profile.purchases.last?.ref).toEqual({ source: "purchases", row: 4 });
  });

  it("counts a customer seen only in surveys or social data, and keeps private activity out of the public list", () => {
    const data = validateData(
      {
        surveys: [{ customerId: "s", date: "2026-01-01", nps: 9 }],
        social: [
          { customerId: "t", date: "2026-01-01", platform: "reddit", type: "post", public: false, text: "secret" },
          { customerId: "t", date: "2026-01-02", platform: "reddit", type: "post", text: "I love it" },
        ],
      },
      options,
    );
    const { profiles } = buildProfiles(data);
    expect([...profiles.keys()]).toEqual(["s", "t"]);
    expect(profiles.get("t")?.social.public).toHaveLength(1);
    expect(profiles.get("t")?.social.privateCount).toBe(1);
    expect(profiles.get("t")?.social.public[0]?.sentiment).toBeGreaterThan(0);
  });

  it("merging profiles of two shards equals profiling everything in one pass (property)", () => {
    const purchase = fc.record({
      customerId: fc.constantFrom("a", "b", "__proto__", "c"),
      day: fc.integer({ min: 0, max: 60 }),
      amount: fc.integer({ min: 0, max: 500 }),
      product: fc.constantFrom("Beans", "Mug", undefined),
      returned: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(purchase, { maxLength: 40 }), fc.integer({ min: 0, max: 40 }), (rows, cut) => {
        const records: PurchaseInput[] = rows.map(({ day, ...rest }) => ({ ...rest, date: new Date(Date.UTC(2026, 0, 1 + day)) }));
        const validated = validateData({ purchases: records }, options);
        const whole = buildProfiles(validated);
        const shard = (from: number, to: number) => buildProfiles({ ...validated, purchases: validated.purchases.slice(from, to) });
        const merged = mergeProfileSets(shard(0, cut), shard(cut, records.length));
        expect(JSON.stringify([...merged.profiles])).toBe(JSON.stringify([...whole.profiles]));
        expect(merged.latestDay).toBe(whole.latestDay);
      }),
      { numRuns: 150 },
    );
  });
});
