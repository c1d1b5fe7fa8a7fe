/**
 * score() is tuned for speed: one tally of a customer's posts serves voice and exposure, scratch state is reused
 * across calls, and functions of whole-day counts are remembered per model. These tests hold it to the plain
 * definitions — the public per-dimension functions and straightforward reference computations — on the bundled
 * sample and on generated data, and check that nothing one call leaves behind reaches another.
 */
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  advocateScore,
  exposureOf,
  fitModelToProfiles,
  loadData,
  percentileFromGrid,
  prepareProfiles,
  recencyWeight,
  resolveOptions,
  scaleScore,
  score,
  scoreCommitment,
  scoreLoyalty,
  scoreVoice,
  voiceFeatures,
  voicePropensity,
  VOICE_FEATURE_NAMES,
  type AdvocateModel,
  type AdvocateOptionsInput,
  type CustomerProfile,
  type VoiceModel,
} from "../src/index.js";
import { recencyWeights } from "../src/stats/decay.js";
import { WholeNumberTable } from "../src/stats/whole-number-table.js";
import { propensityOfVector } from "../src/voice/learn/voice-propensity.js";

const dataDir = fileURLToPath(new URL("../examples/data/", import.meta.url));
const { data: sample, sourceNames } = await loadData({
  customers: `${dataDir}customers.csv`,
  purchases: `${dataDir}purchases.csv`,
  surveys: `${dataDir}surveys.csv`,
  social: `${dataDir}social.csv`,
});

function fitted(data: Parameters<typeof prepareProfiles>[0], options: AdvocateOptionsInput) {
  const resolved = resolveOptions(options);
  const prepared = prepareProfiles(data, resolved);
  return { profiles: [...prepared.profiles.values()], model: fitModelToProfiles(prepared.profiles, prepared.asOfDay, resolved) };
}

const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort();

/** score() against the public dimension functions and plain reference computations of what it reports. */
function expectPlainDefinitions(profile: CustomerProfile, model: AdvocateModel): void {
  const { asOfDay } = model;
  const result = score(profile, model);
  expect(JSON.stringify(result.loyalty)).toBe(JSON.stringify(scoreLoyalty(profile, model.loyalty, asOfDay)));
  expect(JSON.stringify(result.commitment)).toBe(JSON.stringify(scoreCommitment(profile, model.commitment, asOfDay)));
  expect(JSON.stringify(result.voice)).toBe(JSON.stringify(scoreVoice(profile, model.voice, asOfDay)));
  expect(JSON.stringify(result.exposure)).toBe(JSON.stringify(exposureOf(profile, model.voice.landscape, asOfDay, model.voice.halfLifeDays)));
  const dimensions = { loyalty: result.loyalty.score, commitment: result.commitment.score, voice: result.voice.score };
  expect(result.advocate).toBe(advocateScore(dimensions, model.weights));

  // Loyalty percentiles of whole-day counts come from remembered tables: the grids say the same.
  const loyalty = result.loyalty.evidence;
  if (loyalty.daysSinceLastPurchase !== undefined && loyalty.tenureDays !== undefined) {
    expect(loyalty.recencyPercentile).toBe(1 - percentileFromGrid(model.loyalty.recencyDays, loyalty.daysSinceLastPurchase));
    expect(loyalty.frequencyPercentile).toBe(percentileFromGrid(model.loyalty.purchaseDays, loyalty.purchaseDays));
    expect(loyalty.tenurePercentile).toBe(percentileFromGrid(model.loyalty.tenureDays, loyalty.tenureDays));
  }

  // Commitment evidence: what a filter over the responses answered by "as of" gives.
  const answered = profile.surveys.filter((response) => response.day <= asOfDay);
  const commitment = result.commitment.evidence;
  expect(commitment.responses).toBe(answered.length);
  expect(commitment.responseRefs).toEqual(answered.slice(-10).reverse().map((response) => response.ref));
  expect(commitment.positiveWords).toEqual(sorted(answered.flatMap((response) => response.positiveWords ?? [])).slice(0, 10));
  expect(commitment.negativeWords).toEqual(sorted(answered.flatMap((response) => response.negativeWords ?? [])).slice(0, 10));
  expect(commitment.praise).toEqual(sorted(answered.flatMap((response) => response.praise ?? [])));
  expect(commitment.complaints).toEqual(sorted(answered.flatMap((response) => response.complaints ?? [])));
  const scales = model.commitment.scales.flatMap((scale) => {
    let total = 0;
    let weight = 0;
    for (const response of answered) {
      const value = scaleScore(scale, response.answers);
      if (value === undefined) continue;
      const responseWeight = recencyWeight(asOfDay - response.day, model.commitment.halfLifeDays);
      total += value * responseWeight;
      weight += responseWeight;
    }
    return weight > 0 ? [{ name: scale.name, construct: scale.construct, score: total / weight }] : [];
  });
  expect(commitment.scales).toEqual(scales);

  // Voice and exposure: the platforms and presence a plain pass over the public posts gives.
  const posts = profile.social.public.filter((post) => post.day <= asOfDay);
  expect(result.voice.evidence.platforms).toEqual(sorted(posts.map((post) => post.platform)));
  const features = voiceFeatures(profile, asOfDay, model.voice.halfLifeDays);
  const modelFeatures = result.voice.evidence.suspiciousAudience === undefined ? features : { ...features, reach: 0 };
  expect(result.voice.evidence.propensity).toBe(voicePropensity(modelFeatures, model.voice.model));
  const activity = new Map<string, number>();
  for (const post of posts) activity.set(post.platform, (activity.get(post.platform) ?? 0) + recencyWeight(asOfDay - post.day, model.voice.halfLifeDays));
  const presence = new Map([...activity].map(([platform, weight]) => [platform, 1 - Math.exp(-weight)]));
  for (const [platform] of profile.handles) presence.set(platform, Math.max(presence.get(platform) ?? 0, 0.25));
  expect(result.exposure.presence).toEqual([...presence].sort(([a], [b]) => (a < b ? -1 : 1)));
}

describe("score() keeps to the plain definitions", () => {
  it("on every customer of the bundled sample, now and as of a year earlier", () => {
    for (const options of [{ sourceNames }, { sourceNames, asOf: "2025-06-30" }]) {
      const { profiles, model } = fitted(sample, options);
      expect(profiles.length).toBeGreaterThan(2_500);
      for (const profile of profiles) expectPlainDefinitions(profile, model);
    }
  });

  const day = fc.integer({ min: 0, max: 1_500 }).map((offset) => new Date(Date.UTC(2023, 0, 1) + offset * 86_400_000));
  const ids = fc.constantFrom("a", "b", "c", "d", "__proto__");
  const records = fc.record({
    customers: fc.array(
      fc.record({ customerId: ids, handles: fc.option(fc.dictionary(fc.constantFrom("twitter", "reddit", "facebook"), fc.constant("@h")), { nil: undefined }) }),
      { maxLength: 5 },
    ),
    purchases: fc.array(fc.record({ customerId: ids, date: day, amount: fc.double({ min: 0, max: 500, noNaN: true }) }), { maxLength: 30 }),
    surveys: fc.array(
      fc.record({
        customerId: ids,
        date: day,
        nps: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
        csat: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
        answers: fc.option(fc.dictionary(fc.constantFrom("q1", "q2", "q3"), fc.integer({ min: 1, max: 7 })), { nil: undefined }),
        comment: fc.option(fc.constantFrom("love the fast shipping", "slow shipping, bad support", "great price, great beans, love it", "meh"), { nil: undefined }),
      }),
      { maxLength: 12 },
    ),
    social: fc.array(
      fc.record({
        customerId: ids,
        date: day,
        platform: fc.constantFrom("twitter", "reddit", "facebook", "trustpilot"),
        type: fc.constantFrom("post", "reply", "review"),
        mentionsBrand: fc.boolean(),
        sentiment: fc.double({ min: -1, max: 1, noNaN: true }),
        reach: fc.integer({ min: 0, max: 2_000_000 }),
        engagement: fc.integer({ min: 0, max: 500 }),
        repliesToCriticism: fc.boolean(),
      }),
      { maxLength: 20 },
    ),
  });
  const scales = [
    { name: "love", construct: "brand-love" as const, items: ["q1", "q2"], min: 1, max: 7, reverse: ["q2"] },
    { name: "stay", construct: "continuance-commitment" as const, items: ["q3"], min: 1, max: 7 },
  ];

  it("on generated customers, with and without declared scales, as of the end and the middle of the data", () => {
    fc.assert(
      fc.property(records, fc.boolean(), fc.constantFrom("2027-01-01", "2024-06-30"), (data, withScales, asOf) => {
        fc.pre(data.purchases.length + data.surveys.length + data.social.length > 0);
        const { profiles, model } = fitted(data, withScales ? { asOf, scales } : { asOf, answerScale: { min: 1, max: 7 } });
        for (const profile of profiles) expectPlainDefinitions(profile, model);
      }),
      { numRuns: 60 },
    );
  });
});

describe("nothing one score() call leaves behind reaches another", () => {
  const { profiles, model } = fitted(sample, { sourceNames });

  it("gives the same output in any order, and leaves earlier outputs untouched", () => {
    const first = profiles.map((profile) => score(profile, model));
    const frozen = first.map((result) => JSON.stringify(result));
    const reversed = [...profiles].reverse().map((profile) => JSON.stringify(score(profile, model))).reverse();
    expect(reversed).toEqual(frozen);
    expect(first.map((result) => JSON.stringify(result))).toEqual(frozen);
  });

  it("shares no list between outputs: changing one output changes no later one", () => {
    const profile = profiles.find((candidate) => candidate.social.public.length > 1 && candidate.surveys.some((response) => response.praise?.length))!;
    expect(profile).toBeDefined();
    const before = JSON.stringify(score(profile, model));
    const result = score(profile, model) as unknown as {
      voice: { evidence: { platforms: string[] } };
      commitment: { evidence: { praise: string[]; responseRefs: unknown[] } };
      exposure: { presence: Array<[string, number]> };
    };
    result.voice.evidence.platforms.push("myspace");
    result.commitment.evidence.praise.length = 0;
    result.commitment.evidence.responseRefs.push({ source: "x", row: 0 });
    result.exposure.presence[0]![1] = 42;
    expect(JSON.stringify(score(profile, model))).toBe(before);
  });

  it("scores a model and its JSON copy alike, whichever is seen first", () => {
    const copy = JSON.parse(JSON.stringify(model)) as AdvocateModel;
    const fromCopy = profiles.map((profile) => JSON.stringify(score(profile, copy)));
    expect(profiles.map((profile) => JSON.stringify(score(profile, model)))).toEqual(fromCopy);
  });
});

describe("remembered functions", () => {
  it("a WholeNumberTable gives the function's own value for any argument, bit for bit", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -5, max: 70_000 }), fc.double()), { maxLength: 60 }), (values) => {
        const table = new WholeNumberTable((value) => Math.pow(0.5, value / 365.25) - 1 / (value + 1));
        for (const value of [...values, ...values]) expect(Object.is(table.of(value), Math.pow(0.5, value / 365.25) - 1 / (value + 1))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it("recency weights equal recencyWeight for every age and half-life", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -10, max: 40_000 }), fc.double()), fc.double({ min: 0.5, max: 5_000, noNaN: true }), (age, halfLife) => {
        expect(Object.is(recencyWeights(halfLife).of(age), recencyWeight(age, halfLife))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("the voice model read once per model gives voicePropensity's value, whatever the model holds", () => {
    const junk = fc.oneof(fc.double(), fc.constant(null as unknown as number), fc.constant(undefined as unknown as number));
    const model = fc.record({
      featureNames: fc.shuffledSubarray([...VOICE_FEATURE_NAMES, "constructor", "unknown"]),
      weights: fc.array(junk, { maxLength: 10 }),
      means: fc.array(junk, { maxLength: 10 }),
      scales: fc.array(junk, { maxLength: 10 }),
      intercept: junk,
    });
    const { profiles: customers, model: fittedModel } = fitted(sample, { sourceNames });
    fc.assert(
      fc.property(model, fc.integer({ min: 0, max: customers.length - 1 }), (terms, index) => {
        const voiceModel: VoiceModel = { ...fittedModel.voice.model, ...terms };
        const features = voiceFeatures(customers[index]!, fittedModel.asOfDay, fittedModel.voice.halfLifeDays);
        const vector = Float64Array.from(VOICE_FEATURE_NAMES, (name) => features[name]);
        expect(Object.is(propensityOfVector(vector, voiceModel), voicePropensity(features, voiceModel))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
