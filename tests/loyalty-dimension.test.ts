import { describe, expect, it } from "vitest";
import { fitModel, identifyAdvocates, score, buildProfiles, validateData, resolveOptions, type AdvocateModel } from "../src/index.js";
import { lacks } from "./fixtures/data-location.js";
import { cdnowSampleTransactions } from "./loyalty/cdnow.js";
import { archetypeData, emptyData, addPopulation } from "./fixtures/archetypes.js";

const ALL = { minimum: { loyalty: 0, commitment: 0, voice: 0 } };

describe("loyalty dimension: BTYD models inside the pipeline", () => {
  it.skipIf(lacks("cdnow"))("fits BG/NBD from raw CDNOW purchases to the published parameters (Fader, Hardie & Lee 2005)", () => {
    const purchases = cdnowSampleTransactions().map(({ customerId, date, amount }) => ({ customerId, date, amount }));
    const model = fitModel({ purchases }, { asOf: "1997-09-30" });
    expect(model.loyalty.method).toBe("bg-nbd");
    const { r, alpha, a, b } = model.loyalty.bgNbd!;
    // Published to 3 decimals; same-day merging and weeks = days / 7 as in the paper's summary.
    expect(Math.abs(r - 0.243)).toBeLessThan(0.0005);
    expect(Math.abs(alpha - 4.414) / 4.414).toBeLessThan(1e-3);
    expect(Math.abs(a - 0.793) / 0.793).toBeLessThan(1e-3);
    expect(Math.abs(b - 2.426) / 2.426).toBeLessThan(1e-3);
    expect(model.loyalty.gammaGamma).toBeDefined();
  });

  it("scores a frequent current buyer high, and a lapsed buyer and a one-time buyer low", () => {
    const result = identifyAdvocates(archetypeData(), ALL);
    expect(result.model.loyalty.method).toBe("bg-nbd");
    const loyaltyOf = (id: string) => result.advocates.find((advocate) => advocate.customerId === id)!;
    const frequent = loyaltyOf("true-advocate");
    const lapsed = loyaltyOf("lapsed-promoter");
    expect(frequent.loyalty).toBeGreaterThan(0.7);
    expect(frequent.evidence.loyalty.probabilityAlive).toBeGreaterThan(0.9);
    expect(lapsed.loyalty).toBeLessThan(0.2);
    expect(lapsed.evidence.loyalty.probabilityAlive).toBeLessThan(0.3);
    const oneTimers = result.advocates.filter((advocate) => advocate.evidence.loyalty.purchaseDays === 1);
    expect(oneTimers.length).toBeGreaterThan(10);
    // However recent or large the purchase: a customer who has not come back has shown no loyalty yet.
    for (const oneTimer of oneTimers) expect(oneTimer.loyalty).toBe(0);
  });

  it("falls back to RFM percentiles, saying why, when the population is too small to fit", () => {
    const tiny = emptyData();
    addPopulation(tiny, 8);
    const model = fitModel(tiny);
    expect(model.loyalty.method).toBe("rfm-percentile");
    expect(model.loyalty.fallbackReason).toMatch(/too few buyers/);
    const nobodyRepeats = { purchases: Array.from({ length: 60 }, (_, index) => ({ customerId: `c${index}`, date: "2026-01-01", amount: 5 })) };
    expect(fitModel(nobodyRepeats).loyalty.fallbackReason).toMatch(/repeat buyers/);
  });

  it("keeps the fitted parameters in the serialisable model, so score() stays pure after a JSON round trip", () => {
    const data = archetypeData();
    const model = fitModel(data);
    const revived = JSON.parse(JSON.stringify(model)) as AdvocateModel;
    const profile = buildProfiles(validateData(data, resolveOptions())).profiles.get("true-advocate")!;
    expect(score(profile, revived)).toEqual(score(profile, model));
    expect(Object.keys(revived.loyalty.bgNbd!)).toEqual(["r", "alpha", "a", "b"]);
  });

  it("drops as time passes without purchases (P(alive) is absolute, not relative to the population)", () => {
    const data = archetypeData();
    const profile = buildProfiles(validateData(data, resolveOptions())).profiles.get("true-advocate")!;
    const now = score(profile, fitModel(data));
    const twoYearsOn = score(profile, fitModel(data, { asOf: "2028-06-30" }));
    expect(twoYearsOn.loyalty.score).toBeLessThan(now.loyalty.score / 2);
  });
});
