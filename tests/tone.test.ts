import * as fc from "fast-check";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  armAdvocates,
  detectTopics,
  fitModel,
  identifyAdvocates,
  parseCsv,
  readTone,
  resolveOptions,
  resolveTopics,
  shippedToneModel,
  TONE_MODEL,
  type SocialActivityInput,
} from "../src/index.js";
import { attitudeOf, fitToneAdjustment } from "../src/text/tone/fit-tone-adjustment.js";
import { isConfidentlyFavourable } from "../src/text/tone/tone-trust.js";
import { daysAgo, emptyData } from "./fixtures/archetypes.js";

const united = { names: ["United", "United Airlines"], handles: ["united"] };

describe("the tone reader on the failures the issue quotes", () => {
  it('reads "never" as a refusal, not as nothing', () => {
    expect(readTone("I will never fly with you again").label).toBe("negative");
    expect(readTone("Never again. Worst airline").label).toBe("negative");
  });

  it('reads "no worries" as reassurance, not as worry', () => {
    expect(readTone("no worries, all sorted now, thanks!").label).toBe("positive");
    expect(readTone("No worries").label).not.toBe("negative");
    expect(readTone("no problem at all, thank you").label).toBe("positive");
  });

  it("reads emoji, also glued to a word, and emoticons", () => {
    const glued = readTone("great👍");
    expect(glued.label).toBe("positive");
    expect(glued.positiveWords).toContain("👍");
    expect(readTone("flight delayed again 😡").label).toBe("negative");
    expect(readTone("thanks :)").score).toBeGreaterThan(readTone("thanks :(").score);
  });

  it('reads "used to love you, but …" as the complaint it is', () => {
    const reading = readTone("used to love you, but you keep rescheduling my flights");
    expect(reading.label).toBe("negative");
    expect(isConfidentlyFavourable({ sentiment: reading.score, sentimentConfidence: reading.confidence, sentimentGiven: false })).toBe(false);
  });

  it("does not take thanks, sarcasm or a brand name that is a word for praise", () => {
    expect(readTone("thanks for nothing").label).toBe("negative");
    expect(readTone("I like how you cancelled my flight").label).toBe("negative");
    expect(readTone("Thanks @united for losing my bag again").label).toBe("negative");
    expect(readTone("What a joke").label).toBe("negative");
  });

  it("neutralises the brand's own names and handles", () => {
    const plain = readTone("United lost my bag");
    const toward = readTone("United lost my bag", { brand: united });
    expect(plain.positiveWords).toContain("united");
    expect(toward.positiveWords).not.toContain("united");
    expect(toward.label).toBe("negative");
    expect(toward.score).toBeLessThan(plain.score);
  });

  it("reads the stance toward the brand: praise of someone else does not make a complaint favourable", () => {
    const reading = readTone("@delta is amazing, unlike @united who lost my luggage", { brand: united });
    expect(reading.label).toBe("negative");
    expect(readTone("Flew @united today, crew were great, thank you!", { brand: united }).label).toBe("positive");
  });

  it("returns a label, a −1..1 score, a confidence and an intensity that agree with its probabilities", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const r = readTone(text);
        const p = r.probabilities;
        expect(p.negative + p.neutral + p.positive).toBeCloseTo(1, 5);
        expect(r.score).toBeCloseTo(p.positive - p.negative, 5);
        expect(r.confidence).toBeCloseTo(Math.max(p.negative, p.neutral, p.positive), 5);
        expect(r.intensity).toBeCloseTo(1 - p.neutral, 5);
        expect(r.score).toBeGreaterThanOrEqual(-1);
        expect(r.score).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it("ships its weights in the package, small, and says what it was trained on", () => {
    expect(JSON.stringify(TONE_MODEL).length).toBeLessThan(1_000_000);
    expect(TONE_MODEL.training).toHaveProperty("heldOut");
    expect(shippedToneModel().settings.bits).toBe(20);
  });
});

describe("topics that transfer", () => {
  it("matches whole words after stemming, never a prefix", () => {
    expect(detectTopics("I appreciate it, apparently it was fine")).toEqual([]);
    expect(detectTopics("The app keeps crashing")).toEqual(["app"]);
    expect(detectTopics("Two apps, both crashed")).toEqual(["app"]);
    expect(detectTopics("my parcel was delivered late")).toEqual(["shipping"]);
  });

  it("has presets for other industries, selectable by option, and merges a list of them", () => {
    const travel = resolveTopics("travel");
    expect(detectTopics("Flight delayed three hours and they lost my luggage", travel)).toEqual(["baggage", "delays"]);
    expect(detectTopics("The gate agent was rude", travel)).toContain("crew");
    expect(detectTopics("No signal at home and my bill doubled", resolveTopics("telecom"))).toEqual(["billing", "coverage"]);
    expect(detectTopics("charged twice, fraud alert on my card", resolveTopics("finance"))).toEqual(["cards", "fees", "fraud"]);
    expect(detectTopics("the new update broke sync", resolveTopics("software"))).toEqual(["reliability", "updates"]);
    expect(detectTopics("cold fries and a hair in my burger", resolveTopics("food"))).toEqual(["hygiene", "taste"]);
    const merged = resolveTopics(["retail", { loyalty: ["points", "rewards card"] }]);
    expect(detectTopics("my rewards card points vanished", merged)).toContain("loyalty");
    expect(resolveOptions({ topics: "travel" }).topics).toEqual(travel);
    expect(() => resolveOptions({ topics: "space" as never })).toThrow(/topic preset/);
  });

  it("says when a criticism has no topic, and then arms nobody rather than the usual advocates", () => {
    const data = emptyData();
    for (let index = 0; index < 12; index += 1) {
      const customerId = `fan-${index}`;
      data.customers.push({ customerId, handles: { twitter: `@fan${index}` } });
      for (let order = 0; order < 6; order += 1) data.purchases.push({ customerId, date: daysAgo(10 + order * 40), amount: 20, product: "House Blend beans" });
      data.surveys.push({ customerId, date: daysAgo(20), nps: 10 });
      data.social.push({ customerId, date: daysAgo(5), platform: "twitter", type: "post", mentionsBrand: true, text: "Love this coffee, best beans ever" });
    }
    const { advocates } = identifyAdvocates(data, { minimum: { loyalty: 0, commitment: 0, voice: 0 } });
    const armed = armAdvocates(advocates, { platform: "twitter", text: "You people are the worst, unbelievable" }, { brand: "Northwind" });
    expect(armed.topics).toEqual([]);
    expect(armed.kits).toEqual([]);
    expect(armed.noTopic).toMatch(/no topic found/);
  });
});

// Realistic brand posts: favourable, critical, and ones a lexicon misreads.
const FAVOURABLE_POSTS = ["Love this coffee, best beans ever", "Great service from the team today, thank you!", "Delivery was quick and the beans are so fresh 👍", "Honestly the best subscription I have"];
const CRITICAL_POSTS = [
  "used to love you, but you keep messing up my deliveries",
  "Thanks for nothing, my order is late again",
  "I will never order from you again",
  "Worst customer service ever, still no refund",
  "great, another broken bag. Just great",
];

describe("never arm a critic", () => {
  it("for any population, no kit goes to a customer whose brand posts read mostly negative, and no angle quotes a post read as negative", () => {
    const customer = fc.record({
      favourable: fc.integer({ min: 0, max: 4 }),
      critical: fc.integer({ min: 0, max: 4 }),
      orders: fc.integer({ min: 1, max: 8 }),
      nps: fc.integer({ min: 0, max: 10 }),
      given: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(customer, { minLength: 3, maxLength: 12 }), fc.integer({ min: 1, max: 4 }), (population, maxPerThread) => {
        const data = emptyData();
        population.forEach((person, index) => {
          const customerId = `c-${index}`;
          data.customers.push({ customerId, handles: { twitter: `@c${index}` } });
          for (let order = 0; order < person.orders; order += 1) data.purchases.push({ customerId, date: daysAgo(5 + order * 30), amount: 25, product: "House Blend beans" });
          data.surveys.push({ customerId, date: daysAgo(15), nps: person.nps });
          const post = (text: string, day: number, sentiment: number | undefined): SocialActivityInput => ({
            customerId,
            date: daysAgo(day),
            platform: "twitter",
            type: "post",
            mentionsBrand: true,
            text,
            ...(sentiment === undefined ? {} : { sentiment }),
          });
          for (let k = 0; k < person.favourable; k += 1) data.social.push(post(FAVOURABLE_POSTS[(index + k) % FAVOURABLE_POSTS.length] as string, 3 + k, person.given ? 0.7 : undefined));
          for (let k = 0; k < person.critical; k += 1) data.social.push(post(CRITICAL_POSTS[(index + k) % CRITICAL_POSTS.length] as string, 4 + k, person.given ? -0.7 : undefined));
        });
        const { advocates } = identifyAdvocates(data, { minimum: { loyalty: 0, commitment: 0, voice: 0 } });
        const armed = armAdvocates(advocates, { platform: "twitter", text: "Their delivery is a joke, my order arrived late" }, { brand: "Northwind", maxPerThread });
        for (const kit of armed.kits) {
          const index = Number(kit.customerId.slice(2));
          const person = population[index]!;
          // By the supplied labels or by construction of the texts: a critic has at least as many critical posts.
          expect(person.critical === 0 || person.critical < person.favourable).toBe(true);
          for (const angle of kit.angles) {
            if (angle.tone === undefined) continue;
            expect(CRITICAL_POSTS.some((text) => angle.text.includes(text))).toBe(false);
            expect(angle.tone.score).toBeGreaterThan(0);
            expect(angle.text).toMatch(/tone (read as positive by the tone model, confidence|as given in the records)/);
          }
        }
      }),
      { numRuns: 25 },
    );
  });
});

describe("user-supplied tone and the brand's own language", () => {
  it("uses a sentiment the record gives as given, with full confidence, and reads the rest with a confidence", () => {
    const data = emptyData();
    data.purchases.push({ customerId: "a", date: daysAgo(3), amount: 10 });
    data.social.push({ customerId: "a", date: daysAgo(2), platform: "twitter", type: "post", mentionsBrand: true, text: "worst service ever", sentiment: 0.4 });
    data.social.push({ customerId: "a", date: daysAgo(1), platform: "twitter", type: "post", mentionsBrand: true, text: "worst service ever" });
    const posts = identifyAdvocates(data, { minimum: { loyalty: 0, commitment: 0, voice: 0 } }).advocates[0]!;
    expect(posts.evidence.voice.positiveMentions).toBe(1);
    expect(posts.evidence.voice.negativeMentions).toBe(1);
  });

  it("fits an adjustment to survey comments of known attitude on the bundled sample, keeps it only with the holdout's say-so, and records it in the model", () => {
    const surveys = parseCsv(readFileSync(fileURLToPath(new URL("../examples/data/surveys.csv", import.meta.url)), "utf8"));
    const examples = surveys.flatMap((row) => {
      const label = attitudeOf(row.nps === "" ? undefined : Number(row.nps), row.csat === "" ? undefined : Number(row.csat));
      return typeof row.comment === "string" && row.comment !== "" && label !== undefined ? [{ text: row.comment, label, key: `${String(row.customerId)}|${String(row.date)}|${row.comment}` }] : [];
    });
    const choice = fitToneAdjustment(shippedToneModel(), examples);
    expect(choice.method).toBe("adjusted");
    expect(choice.holdout!.adjusted.logLoss).toBeLessThan(choice.holdout!.shipped.logLoss);
    expect(choice.holdout!.adjusted.accuracy).toBeGreaterThanOrEqual(choice.holdout!.shipped.accuracy);
    expect(choice.reason).toMatch(/held-out log-loss/);
    // The same examples in another order give the same adjustment.
    expect(fitToneAdjustment(shippedToneModel(), [...examples].reverse())).toEqual(choice);
    expect(fitToneAdjustment(shippedToneModel(), examples.slice(0, 20))).toMatchObject({ method: "shipped", reason: expect.stringMatching(/too few/) });
  });

  it("records which tone reader the model used and why, through a JSON round trip", () => {
    const data = emptyData();
    for (let index = 0; index < 150; index += 1) {
      const customerId = `s-${index}`;
      data.purchases.push({ customerId, date: daysAgo(10 + index), amount: 12 });
      const happy = index % 3 !== 0;
      data.surveys.push({ customerId, date: daysAgo(5 + (index % 40)), nps: happy ? 9 + (index % 2) : index % 6, comment: happy ? "the roast is strong and bitter, exactly right" : "the roast is weak and watery" });
    }
    const shipped = fitModel(data);
    expect(shipped.tone?.method).toBe("shipped");
    const auto = fitModel(data, { toneModel: "auto" });
    expect(auto.tone?.examples?.training).toBeGreaterThan(60);
    expect(JSON.parse(JSON.stringify(auto))).toEqual(auto);
    expect(["shipped", "adjusted"]).toContain(auto.tone?.method);
  });
});
