import Sentiment from "sentiment";
import { describe, expect, it } from "vitest";
import {
  cronbachAlpha,
  fitModel,
  identifyAdvocates,
  itemScore,
  netPromoterScore,
  resolveOptions,
  buildProfiles,
  validateData,
  score,
  textSentiment,
  verbatimThemes,
  ValidationError,
  type ScaleDefinitionInput,
} from "../src/index.js";
import { addPopulation, daysAgo, emptyData } from "./fixtures/archetypes.js";

const love: ScaleDefinitionInput = { name: "brand love", construct: "brand-love", items: ["love", "passion", "indifferent"], min: 1, max: 7, reverse: ["indifferent"] };

describe("NPS", () => {
  it("computes the population NPS with its standard error √((p + d − (p − d)²)/n)", () => {
    // 2 promoters, 1 passive, 2 detractors of 5: NPS 0, SE = 100 × √(0.8 / 5) = 40.
    expect(netPromoterScore([10, 9, 8, 6, 3])).toEqual({ nps: 0, standardError: 40, promoters: 2, passives: 1, detractors: 2, respondents: 5 });
    const allPromoters = netPromoterScore([9, 10, 10])!;
    expect(allPromoters.nps).toBe(100);
    expect(allPromoters.standardError).toBe(0);
    expect(netPromoterScore([])).toBeUndefined();
  });

  it("weights a customer's answers by recency: a 10 three years ago counts less than a 6 last month", () => {
    const data = emptyData();
    addPopulation(data, 60);
    data.surveys.push({ customerId: "old-ten", date: daysAgo(1_100), nps: 10 }, { customerId: "old-ten", date: daysAgo(30), nps: 6 });
    data.surveys.push({ customerId: "new-ten", date: daysAgo(1_100), nps: 6 }, { customerId: "new-ten", date: daysAgo(30), nps: 10 });
    const profiles = buildProfiles(validateData(data, resolveOptions())).profiles;
    const model = fitModel(data);
    const rawOf = (id: string) => score(profiles.get(id)!, model).commitment.evidence.rawScore!;
    expect(rawOf("new-ten")).toBeGreaterThan(rawOf("old-ten"));
    expect(rawOf("old-ten")).toBeLessThan(0.7); // closer to the recent 6 than to the old 10
  });
});

describe("scales", () => {
  it("reverse-codes items so 1 always means more of the construct", () => {
    const scale = { name: "s", construct: "brand-love", items: ["a", "b"], min: 1, max: 7, reverse: ["b"] } as const;
    const definition = { ...scale, items: [...scale.items], reverse: [...scale.reverse] };
    expect(itemScore(definition, "a", 7)).toBe(1);
    expect(itemScore(definition, "b", 1)).toBe(1);
    expect(itemScore(definition, "b", 7)).toBe(0);
    expect(itemScore(definition, "a", 4)).toBe(0.5);
  });

  it("computes Cronbach's alpha (hand-checked: item variances 5/3, 4/3, 2.75/3; total variance 10.25 → 0.9268)", () => {
    expect(cronbachAlpha([[4, 5, 4], [2, 3, 3], [5, 5, 4], [3, 3, 2]])).toBeCloseTo(1.5 * (1 - (5 / 3 + 4 / 3 + 2.75 / 3) / 10.25), 12);
    expect(cronbachAlpha([[4, 5, 4], [2, 3, 3], [5, 5, 4], [3, 3, 2]])).toBeCloseTo(0.9268, 4);
    expect(cronbachAlpha([[1], [2]])).toBeUndefined();
    expect(cronbachAlpha([[3, 3], [3, 3]])).toBeUndefined();
  });

  it("fits alpha per scale on reverse-coded items and warns below 0.7", () => {
    const data = emptyData();
    addPopulation(data, 40);
    // Consistent respondents: love and passion high when indifferent is low, and the other way round.
    for (let index = 0; index < 40; index += 1) {
      const level = 1 + (index % 7);
      data.surveys.push({ customerId: `P${String(index).padStart(4, "0")}`, date: daysAgo(10), answers: { love: level, passion: Math.min(7, level + (index % 2)), indifferent: 8 - level } });
    }
    const consistent = fitModel(data, { scales: [love] }).commitment;
    expect(consistent.scales[0]!.alpha).toBeGreaterThan(0.9);
    expect(consistent.warnings).toEqual([]);
    // Forgetting to declare the reverse-coded item makes the scale incoherent, and the model says so.
    const forgotReverse = fitModel(data, { scales: [{ ...love, reverse: [] }] }).commitment;
    expect(forgotReverse.scales[0]!.alpha).toBeLessThan(0.7);
    expect(forgotReverse.warnings[0]).toMatch(/scale "brand love" has Cronbach's alpha -?\d\.\d\d \(< 0\.7\)/);
  });

  it("rejects an answer outside its scale's range, naming row and field", () => {
    const surveys = [{ customerId: "a", date: "2026-01-01", answers: { love: 9 } }];
    expect(() => validateData({ surveys }, resolveOptions({ scales: [love] }))).toThrow(/surveys row 1, field answers\.love: expected 1–7 \(brand love\)/);
    expect(() => resolveOptions({ scales: [{ ...love, reverse: ["nope"] }] })).toThrow(/reverse/);
  });

  it("counts attachment constructs toward commitment, never continuance commitment", () => {
    const data = emptyData();
    addPopulation(data, 40);
    data.surveys.push({ customerId: "trapped", date: daysAgo(5), answers: { stuck: 5 } });
    const profiles = buildProfiles(validateData(data, resolveOptions())).profiles;
    const model = fitModel(data, { scales: [{ name: "switching costs", construct: "continuance-commitment", items: ["stuck"] }] });
    const trapped = score(profiles.get("trapped")!, model).commitment;
    expect(trapped.score).toBe(0);
    expect(trapped.evidence.scales).toEqual([{ name: "switching costs", construct: "continuance-commitment", score: 1 }]);
  });
});

describe("empirical-Bayes shrinkage", () => {
  it("pulls a single answer toward the population mean and lets evidence move it away", () => {
    const data = emptyData();
    addPopulation(data, 100);
    data.surveys.push({ customerId: "one-ten", date: daysAgo(1), nps: 10 });
    for (let index = 0; index < 6; index += 1) data.surveys.push({ customerId: "six-tens", date: daysAgo(1 + index), nps: 10 });
    const model = fitModel(data);
    const profiles = buildProfiles(validateData(data, resolveOptions())).profiles;
    const one = score(profiles.get("one-ten")!, model).commitment;
    const six = score(profiles.get("six-tens")!, model).commitment;
    const mean = model.commitment.populationMean;
    expect(one.evidence.shrunkScore!).toBeGreaterThan(mean);
    expect(one.evidence.shrunkScore!).toBeLessThan(one.evidence.rawScore!);
    expect(six.evidence.shrunkScore!).toBeGreaterThan(one.evidence.shrunkScore!);
    expect(six.score).toBeGreaterThan(one.score);
    expect(six.confidence).toBeGreaterThan(one.confidence);
  });
});

describe("verbatims", () => {
  it("finds praise and complaint themes clause by clause", () => {
    expect(verbatimThemes("Love the beans, but shipping is painfully slow.")).toEqual({ praise: ["quality"], complaints: ["shipping"] });
    expect(verbatimThemes("Great support team! The app keeps crashing though.")).toEqual({ praise: ["support"], complaints: ["app"] });
    expect(verbatimThemes("Wonderful packaging", { packaging: ["packag"] })).toEqual({ praise: ["packaging"], complaints: [] });
  });

  it("scores service complaints as negative and support requests as not positive", () => {
    expect(textSentiment("my order is late again").score).toBeLessThan(0);
    expect(textSentiment("please help with my account").label).not.toBe("positive");
    expect(textSentiment("not good at all").score).toBeLessThan(0);
  });

  it("leaves the sentiment package's own English table untouched for other users in the process", () => {
    textSentiment("please help, the app is slow");
    expect(new Sentiment().analyze("please help").score).toBe(3);
  });

  it("carries the words and themes behind a customer's commitment as evidence", () => {
    const data = emptyData();
    addPopulation(data, 40);
    data.surveys.push({ customerId: "vocal", date: daysAgo(3), nps: 9, comment: "Delicious beans, but delivery was late, annoying" });
    const result = identifyAdvocates(data, { minimum: { loyalty: 0, commitment: 0, voice: 0 } });
    const vocal = result.advocates.find((advocate) => advocate.customerId === "vocal")!.evidence.commitment;
    expect(vocal.positiveWords).toContain("delicious");
    expect(vocal.negativeWords).toContain("late");
    expect(vocal).toMatchObject({ praise: ["quality"], complaints: ["shipping"] });
    expect(vocal.responseRefs).toEqual([{ source: "surveys", row: data.surveys.length }]);
  });
});

describe("stated vs revealed", () => {
  it("flags claimed promoters and silent committed, and places customers in Dick & Basu's quadrants", () => {
    const data = emptyData();
    addPopulation(data, 120);
    data.surveys.push({ customerId: "claims", date: daysAgo(10), nps: 10 });
    data.purchases.push({ customerId: "claims", date: daysAgo(700), amount: 20 }, { customerId: "claims", date: daysAgo(650), amount: 20 });
    for (let index = 0; index < 20; index += 1) data.purchases.push({ customerId: "quiet-fan", date: daysAgo(5 + index * 30), amount: 30 });
    for (let index = 0; index < 3; index += 1) data.surveys.push({ customerId: "quiet-fan", date: daysAgo(10 + index * 60), nps: 10, csat: 5 });
    const result = identifyAdvocates(data, { minimum: { loyalty: 0, commitment: 0, voice: 0 } });
    const find = (id: string) => result.advocates.find((advocate) => advocate.customerId === id)!;
    expect(find("claims").flags.claimedPromoter).toBe(true);
    expect(find("claims").loyaltyQuadrant).toBe("latent-loyalty");
    expect(find("quiet-fan").flags).toEqual({ claimedPromoter: false, silentCommitted: true });
    expect(find("quiet-fan").loyaltyQuadrant).toBe("true-loyalty");
    const quadrants = result.statedVsRevealed.quadrants;
    expect(quadrants["true-loyalty"] + quadrants["latent-loyalty"] + quadrants["spurious-loyalty"] + quadrants["no-loyalty"]).toBe(result.scored);
    expect(result.statedVsRevealed.claimedPromoters).toBeGreaterThanOrEqual(1);
  });
});

describe("scale input errors", () => {
  it("are ValidationErrors in strict mode and skipped rows in lenient mode", () => {
    const surveys = [
      { customerId: "a", date: "2026-01-01", answers: { love: 9 } },
      { customerId: "b", date: "2026-01-01", answers: { love: 6 } },
    ];
    expect(() => identifyAdvocates({ surveys }, { scales: [love] })).toThrow(ValidationError);
    const lenient = identifyAdvocates({ surveys }, { scales: [love], mode: "lenient", minimum: { loyalty: 0, commitment: 0, voice: 0 } });
    expect(lenient.problems).toHaveLength(1);
    expect(lenient.scored).toBe(1);
  });
});
