import { sampleRankCorrelation } from "simple-statistics";
import { describe, expect, it } from "vitest";
import type { CustomerProfile, SocialEvidence } from "../src/profile/customer-profile.js";
import {
  DEFAULT_VOICE_MODEL,
  DEFAULT_VOICE_WEIGHTS,
  fitLogistic,
  fitVoiceModel,
  isHoldout,
  liftAtK,
  standardisation,
  voicePropensity,
  type VoiceModel,
} from "../src/voice/learn/index.js";
import { VOICE_FEATURE_NAMES, voiceFeatures } from "../src/voice/voice-features.js";
import { SYNTHETIC_AS_OF_DAY, SYNTHETIC_WINDOW_DAYS, syntheticVoicePopulation } from "./fixtures/voice-synthetic.js";

const HALF_LIFE = 180;
const SPLIT_DAY = SYNTHETIC_AS_OF_DAY - SYNTHETIC_WINDOW_DAYS;
const population = syntheticVoicePopulation({ customers: 3000, seed: 11 });
const eligible = population.filter((customer) => customer.segment !== "newcomer");
const profiles = population.map((customer) => customer.profile);
const options = { asOfDay: SYNTHETIC_AS_OF_DAY, halfLifeDays: HALF_LIFE };
const model = fitVoiceModel(profiles, options);
const featuresAtSplit = eligible.map((customer) => voiceFeatures(customer.profile, SPLIT_DAY, HALF_LIFE));

/** Every number anywhere in a JSON value is finite. */
function allFinite(value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(allFinite);
  if (value !== null && typeof value === "object") return Object.values(value).every(allFinite);
  return true;
}

function customer(customerId: string, posts: Array<Partial<SocialEvidence> & { day: number }>, purchaseDays: number[] = []): CustomerProfile {
  return {
    customerId,
    handles: [],
    purchases: { orders: purchaseDays.length, returned: 0, spend: 0, days: purchaseDays, daySpend: purchaseDays.map(() => 0), products: [], categories: [] },
    surveys: [],
    social: {
      public: posts.map((post, row) => ({
        ref: { source: "test", row: row + 1 },
        platform: "twitter",
        type: "post",
        mentionsBrand: true,
        sentiment: 0.5,
        repliesToCriticism: false,
        reach: 100,
        engagement: 2,
        ...post,
      })),
      privateCount: 0,
    },
  };
}

describe("DEFAULT_VOICE_MODEL", () => {
  const asOf = 20_634;
  it("gives sensible propensities without any fitting", () => {
    const silent = voicePropensity(voiceFeatures(customer("silent", [], [asOf - 10]), asOf, HALF_LIFE), DEFAULT_VOICE_MODEL);
    expect(silent).toBeCloseTo(0.02, 2);
    // Ten defences and four favourable mentions over the last half year.
    const defender = customer("defender", [
      ...Array.from({ length: 10 }, (_, n) => ({ day: asOf - 5 - n * 17, type: "reply" as const, repliesToCriticism: true, sentiment: 0.6, reach: 900, engagement: 12 })),
      ...Array.from({ length: 4 }, (_, n) => ({ day: asOf - 9 - n * 40 })),
    ]);
    const frequent = voicePropensity(voiceFeatures(defender, asOf, HALF_LIFE), DEFAULT_VOICE_MODEL);
    expect(frequent).toBeGreaterThan(0.85);
    expect(frequent).toBeLessThan(0.97);
    // A million-follower account posting daily, with huge engagement, never about the brand.
    const celebrity = customer(
      "celebrity",
      Array.from({ length: 60 }, (_, n) => ({ day: asOf - 3 * n, mentionsBrand: false, reach: 5_000_000, engagement: 20_000 })),
    );
    expect(voicePropensity(voiceFeatures(celebrity, asOf, HALF_LIFE), DEFAULT_VOICE_MODEL)).toBeLessThan(0.1);
  });

  it("orders the weights by how far a typical strong value moves the log-odds, reach weakest", () => {
    const w = DEFAULT_VOICE_WEIGHTS;
    const effect = {
      defences: w.defences.weight * 2,
      brandActivity: w.brandActivity.weight * 2,
      positiveShare: w.positiveShare.weight * 0.5,
      reviews: w.reviews.weight * Math.log1p(3),
      brandShare: w.brandShare.weight * 1,
      publicActivity: w.publicActivity.weight * 2,
      engagementPerPost: w.engagementPerPost.weight * Math.log1p(50),
      reach: w.reach.weight * 1,
    };
    const order = Object.entries(effect).sort((a, b) => b[1] - a[1]).map(([name]) => name);
    expect(order).toEqual(["defences", "brandActivity", "positiveShare", "reviews", "brandShare", "publicActivity", "engagementPerPost", "reach"]);
    expect(DEFAULT_VOICE_MODEL.featureNames).toEqual([...VOICE_FEATURE_NAMES]);
    expect(DEFAULT_VOICE_MODEL.method).toBe("default");
  });
});

describe("fitVoiceModel on a synthetic population with known propensities", () => {
  it("learns weights that beat the defaults on the holdout", () => {
    expect(model.method).toBe("learned");
    expect(model.reason).toMatch(/learned from the data/);
    const holdout = model.holdout!;
    expect(holdout.customers).toBeGreaterThan(700);
    expect(holdout.k).toBe(Math.max(10, Math.ceil(0.1 * holdout.customers)));
    expect(holdout.baseRate).toBeCloseTo(holdout.positives / holdout.customers, 12);
    expect(holdout.liftLearned).toBeGreaterThan(holdout.liftDefault);
    expect(holdout.liftLearned).toBeGreaterThan(2);
    expect(allFinite(model)).toBe(true);
  });

  it("ranks customers by their true propensity", () => {
    const learned = featuresAtSplit.map((features) => voicePropensity(features, model));
    const byDefault = featuresAtSplit.map((features) => voicePropensity(features, DEFAULT_VOICE_MODEL));
    const truth = eligible.map((customer) => customer.propensity);
    const rhoLearned = sampleRankCorrelation(learned, truth);
    expect(rhoLearned).toBeGreaterThan(0.65);
    expect(rhoLearned).toBeGreaterThan(sampleRankCorrelation(byDefault, truth));
    // Top decile by learned propensity vs the top decile by true propensity.
    const decile = Math.round(eligible.length / 10);
    const top = (scores: number[]): Set<number> =>
      new Set(scores.map((score, index) => [score, index] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]).slice(0, decile).map(([, index]) => index));
    const topTrue = top(truth);
    const overlap = [...top(learned)].filter((index) => topTrue.has(index)).length / decile;
    expect(overlap).toBeGreaterThan(0.5);
  });

  it("keeps big-reach accounts that never mention the brand, and private-only customers, low under both models", () => {
    eligible.forEach((customer, index) => {
      if (customer.segment !== "big-reach" && customer.segment !== "private-only") return;
      expect(voicePropensity(featuresAtSplit[index]!, model)).toBeLessThan(0.08);
      expect(voicePropensity(featuresAtSplit[index]!, DEFAULT_VOICE_MODEL)).toBeLessThan(0.08);
    });
  });

  it("is deterministic and independent of input order", () => {
    expect(JSON.stringify(fitVoiceModel(profiles, options))).toBe(JSON.stringify(model));
    expect(JSON.stringify(fitVoiceModel([...profiles].reverse(), options))).toBe(JSON.stringify(model));
  });

  it("scores identically after a JSON round trip", () => {
    const restored = JSON.parse(JSON.stringify(model)) as VoiceModel;
    for (const features of featuresAtSplit.slice(0, 500)) expect(voicePropensity(features, restored)).toBe(voicePropensity(features, model));
  });

  it("ignores customers first seen after the split day", () => {
    const newcomers = population.filter((customer) => customer.segment === "newcomer").map((customer) => customer.profile);
    expect(newcomers.length).toBeGreaterThan(0);
    const holdoutShare = 0.3;
    const eligibleHeldOut = eligible.filter((customer) => isHoldout(customer.profile.customerId, holdoutShare)).length;
    expect(model.holdout?.customers).toBe(eligibleHeldOut);
  });
});

describe("fitVoiceModel falls back to the defaults", () => {
  it("with too few positives, saying why", () => {
    const fallback = fitVoiceModel(profiles, { ...options, minPositives: 100_000 });
    expect(fallback.method).toBe("default");
    expect(fallback.reason).toMatch(/too few positives/);
    expect(fallback.weights).toEqual(DEFAULT_VOICE_MODEL.weights);
    expect(allFinite(fallback)).toBe(true);
  });

  it("on empty input, a single customer and an all-zero feature column, with no NaN anywhere", () => {
    for (const input of [[], [customer("only", [{ day: SPLIT_DAY - 5 }, { day: SPLIT_DAY + 5 }])]]) {
      const fallback = fitVoiceModel(input, options);
      expect(fallback.method).toBe("default");
      expect(allFinite(fallback)).toBe(true);
    }
    // Nobody ever writes a review or replies to criticism: two all-zero columns; minPositives 1 forces a fit.
    const plain = Array.from({ length: 200 }, (_, n) =>
      customer(`c${n}`, [{ day: SPLIT_DAY - 30 - (n % 50), sentiment: n % 3 === 0 ? -0.5 : 0.5 }, ...(n % 4 === 0 ? [{ day: SPLIT_DAY + 10 }] : [])], [SPLIT_DAY - 100]),
    );
    const fitted = fitVoiceModel(plain, { ...options, minPositives: 1 });
    expect(allFinite(fitted)).toBe(true);
    for (const profile of plain) {
      const propensity = voicePropensity(voiceFeatures(profile, SYNTHETIC_AS_OF_DAY, HALF_LIFE), fitted);
      expect(propensity).toBeGreaterThan(0);
      expect(propensity).toBeLessThan(1);
    }
  });

  it("when the default does better on the holdout", () => {
    // Training customers who defended the brand fall silent and the rest post; on the holdout it is the other way
    // round. The fit learns a negative weight on defences, which the holdout punishes.
    const shifted = Array.from({ length: 600 }, (_, n) => {
      const id = `s${n}`;
      const defender = n % 4 === 0;
      const posts = defender ? [{ day: SPLIT_DAY - 20, type: "reply" as const, repliesToCriticism: true }] : [{ day: SPLIT_DAY - 20 }];
      const speaksLater = isHoldout(id, 0.3) ? defender : !defender && n % 3 === 0;
      return customer(id, speaksLater ? [...posts, { day: SPLIT_DAY + 20 }] : posts, [SPLIT_DAY - 50]);
    });
    const fitted = fitVoiceModel(shifted, { ...options, minPositives: 5 });
    expect(fitted.method).toBe("default");
    expect(fitted.reason).toMatch(/default weights did better/);
    expect(fitted.weights).toEqual(DEFAULT_VOICE_MODEL.weights);
    expect(fitted.holdout!.liftLearned).toBeLessThan(fitted.holdout!.liftDefault);
    expect(allFinite(fitted)).toBe(true);
  });

  it("keeps the learned weights when they tie with the default (the rule is learned lift ≥ default lift)", () => {
    // Everyone looks the same, so both models rank by index alone and the lifts tie.
    const same = Array.from({ length: 400 }, (_, n) => customer(`n${n}`, [{ day: SPLIT_DAY - 20 }, ...(n % 5 === 0 ? [{ day: SPLIT_DAY + 20 }] : [])], [SPLIT_DAY - 50]));
    const fitted = fitVoiceModel(same, { ...options, minPositives: 5 });
    expect(fitted.holdout!.liftLearned).toBe(fitted.holdout!.liftDefault);
    expect(fitted.method).toBe("learned");
    expect(allFinite(fitted)).toBe(true);
  });
});

describe("voicePropensity", () => {
  it("is finite and inside (0, 1) whatever the input", () => {
    const extreme: VoiceModel = { ...DEFAULT_VOICE_MODEL, weights: DEFAULT_VOICE_MODEL.weights.map(() => 1e300), scales: [0, -1, NaN, 1, 1, 1, 1, 1] };
    for (const features of [[1e300, 1e300, 1, 1, 1, 1, 1, 1], [-1e300, 0, 0, 0, 0, 0, 0, 0], [NaN, Infinity, -Infinity, 0, 0, 0, 0, 0], []]) {
      const p = voicePropensity(features, extreme);
      expect(p).toBeGreaterThan(0);
      expect(p).toBeLessThan(1);
    }
  });
});

describe("liftAtK", () => {
  it("matches a hand-checked example, ties broken by index", () => {
    // Base rate 2/4. Top 2 by score: indices 0 (0.9) and 1 (0.8) → 1 positive → precision 1/2 → lift 1.
    expect(liftAtK([0.9, 0.8, 0.7, 0.1], [true, false, true, false], 2)).toBe(1);
    // All tied: the top 1 is index 0 (negative) → 0; top 2 adds index 1 (positive) → (1/2)/(1/4) = 2.
    expect(liftAtK([0.5, 0.5, 0.5, 0.5], [false, true, false, false], 1)).toBe(0);
    expect(liftAtK([0.5, 0.5, 0.5, 0.5], [false, true, false, false], 2)).toBe(2);
    // Perfect ranking of 1 positive in 10, k = 1 → lift 10. NaN ranks last.
    expect(liftAtK([NaN, 0, 0, 0, 0, 0, 0, 0, 0, 1], [false, false, false, false, false, false, false, false, false, true], 1)).toBe(10);
  });

  it("returns 0 rather than NaN when there is nothing to measure", () => {
    expect(liftAtK([], [], 10)).toBe(0);
    expect(liftAtK([1, 2], [false, false], 1)).toBe(0);
    expect(liftAtK([1, 2], [true, false], 0)).toBe(0);
    expect(liftAtK([1, 2], [true, false], 5)).toBe(1);
  });
});

describe("fitLogistic", () => {
  it("matches the closed-form maximum-likelihood answer for one binary feature", () => {
    // x = 0: 1 of 4 positive → intercept log(1/3); x = 1: 3 of 4 → intercept + w = log 3.
    const fit = fitLogistic([[0], [0], [0], [0], [1], [1], [1], [1]], [true, false, false, false, true, true, true, false], { l2: 0 });
    expect(fit.converged).toBe(true);
    expect(fit.intercept).toBeCloseTo(Math.log(1 / 3), 10);
    expect(fit.weights[0]).toBeCloseTo(2 * Math.log(3), 10);
  });

  it("matches a reference L2 solution (scipy L-BFGS-B to gradient 1e-12, cross-checked by numpy Newton)", () => {
    const rows = [[0.5, 1.2], [1.5, -0.3], [-0.7, 0.8], [2.1, 0.1], [-1.3, -1.1], [0.2, 0.4], [1.1, 1.9], [-0.4, -0.6], [0.9, -1.4], [-1.8, 0.7]];
    const labels = [true, true, false, true, false, false, true, false, true, false];
    const fit = fitLogistic(rows, labels, { l2: 0.5 });
    expect(fit.intercept).toBeCloseTo(-0.5367992634073728, 9);
    expect(fit.weights[0]).toBeCloseTo(1.9055341539266413, 9);
    expect(fit.weights[1]).toBeCloseTo(0.17174025727669354, 9);
    expect(fit.objective).toBeCloseTo(3.039421108898207, 9);
  });

  it("keeps a perfectly separating feature finite under L2", () => {
    // Symmetric, so the intercept is 0; w solves Σ (σ(w·xᵢ) − yᵢ)·xᵢ + w = 0 → 1.0065943148735432 (scipy).
    const fit = fitLogistic([[-2], [-1], [1], [2]], [false, false, true, true], { l2: 1 });
    expect(fit.intercept).toBeCloseTo(0, 10);
    expect(fit.weights[0]).toBeCloseTo(1.0065943148735432, 10);
  });

  it("copes with an all-zero column and with empty input", () => {
    const fit = fitLogistic([[0, 1], [0, 2], [0, 3], [0, 4]], [false, true, false, true], { l2: 1 });
    expect(fit.weights[0]).toBe(0);
    expect(allFinite(fit)).toBe(true);
    expect(fitLogistic([], [])).toMatchObject({ intercept: 0, weights: [] });
    expect(standardisation([[0, 5], [0, 5]])).toEqual({ means: [0, 5], scales: [1, 1] });
  });
});
