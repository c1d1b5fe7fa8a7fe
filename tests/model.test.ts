import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  advocateScore,
  buildProfiles,
  fitModel,
  percentileFromGrid,
  quantileGrid,
  resolveOptions,
  score,
  validateData,
  type AdvocateModel,
} from "../src/index.js";
import { archetypeData } from "./fixtures/archetypes.js";

describe("fitModel and score", () => {
  const data = archetypeData();
  const model = fitModel(data);
  const profiles = buildProfiles(validateData(data, resolveOptions())).profiles;

  it("produces a plain, versioned model that scores identically after a JSON round trip", () => {
    expect(model).toMatchObject({ format: "brand-advocates/model", version: 1, asOf: "2026-06-30", population: 304 });
    const revived = JSON.parse(JSON.stringify(model)) as AdvocateModel;
    for (const profile of profiles.values()) expect(score(profile, revived)).toEqual(score(profile, model));
  });

  it("is pure: scoring twice, or in another order, gives the same numbers", () => {
    const forward = [...profiles.values()].map((profile) => score(profile, model).advocate);
    const backward = [...profiles.values()].reverse().map((profile) => score(profile, model).advocate).reverse();
    expect(backward).toEqual(forward);
  });

  it("refuses a model of another format or version", () => {
    const profile = profiles.get("true-advocate")!;
    expect(() => score(profile, { ...model, version: 2 } as unknown as AdvocateModel)).toThrow(/version 1/);
  });

  it("fixes 'now' from the data, not the wall clock, unless asOf is given", () => {
    expect(fitModel(data, { asOf: "2027-01-01" }).asOf).toBe("2027-01-01");
    const later = fitModel(data, { asOf: "2027-06-30" });
    const profile = profiles.get("true-advocate")!;
    // Recency and tenure are measured from asOf. (Percentiles are relative to the population, which ages too.)
    expect(score(profile, model).loyalty.evidence.daysSinceLastPurchase).toBe(4);
    expect(score(profile, later).loyalty.evidence.daysSinceLastPurchase).toBe(4 + 365);
  });

  it("weights change the balance but keep AND semantics", () => {
    const voiceHeavy = fitModel(data, { weights: { voice: 3 } });
    expect(voiceHeavy.weights.voice).toBeCloseTo(0.6);
    const silent = profiles.get("silent-loyalist")!;
    expect(score(silent, voiceHeavy).advocate).toBe(0);
  });
});

describe("advocateScore", () => {
  const equal = { loyalty: 1 / 3, commitment: 1 / 3, voice: 1 / 3 };

  it("is dominated by the weakest dimension", () => {
    expect(advocateScore({ loyalty: 0.9, commitment: 0.9, voice: 0.1 }, equal)).toBeCloseTo(0.4327, 4);
    expect(advocateScore({ loyalty: 0.6, commitment: 0.6, voice: 0.6 }, equal)).toBeCloseTo(0.6, 10);
    expect(advocateScore({ loyalty: 1, commitment: 1, voice: 0 }, equal)).toBe(0);
  });

  it("stays in 0..1, never above the strongest nor below the weakest dimension (property)", () => {
    const unit = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(unit, unit, unit, (loyalty, commitment, voice) => {
        const combined = advocateScore({ loyalty, commitment, voice }, equal);
        expect(combined).toBeGreaterThanOrEqual(Math.min(loyalty, commitment, voice) - 1e-12);
        expect(combined).toBeLessThanOrEqual(Math.max(loyalty, commitment, voice) + 1e-12);
      }),
    );
  });
});

describe("percentile grid", () => {
  it("gives tied values the middle of their run and interpolates between grid points", () => {
    const grid = quantileGrid([1, 1, 1, 1, 2, 3, 4, 5, 6, 7]);
    expect(percentileFromGrid(grid, 1)).toBeCloseTo(0.165, 2);
    expect(percentileFromGrid(grid, 0)).toBe(0);
    expect(percentileFromGrid(grid, 99)).toBe(1);
    expect(percentileFromGrid([], 3)).toBe(0.5);
  });

  it("is monotone in the value (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 200 }), fc.integer({ min: -5, max: 55 }), (values, probe) => {
        const grid = quantileGrid(values);
        const here = percentileFromGrid(grid, probe);
        expect(here).toBeGreaterThanOrEqual(0);
        expect(here).toBeLessThanOrEqual(1);
        expect(percentileFromGrid(grid, probe + 1)).toBeGreaterThanOrEqual(here);
      }),
    );
  });
});

describe("as of an earlier day", () => {
  it("ignores purchases, answers and posts after asOf, so a backtest never sees the future", () => {
    const data = archetypeData();
    const profile = buildProfiles(validateData(data, resolveOptions())).profiles.get("true-advocate")!;
    const asOf = "2026-06-01";
    const past = {
      customers: data.customers,
      purchases: data.purchases.filter((row) => String(row.date) <= asOf),
      surveys: data.surveys.filter((row) => String(row.date) <= asOf),
      social: data.social.filter((row) => String(row.date) <= asOf),
    };
    const pastProfile = buildProfiles(validateData(past, resolveOptions())).profiles.get("true-advocate")!;
    const withFuture = score(profile, fitModel(data, { asOf }));
    const withoutFuture = score(pastProfile, fitModel(past, { asOf }));
    const strip = (value: unknown) => JSON.stringify(value).replace(/"row":\d+/g, "");
    expect(strip(withFuture)).toBe(strip(withoutFuture));
  });
});
