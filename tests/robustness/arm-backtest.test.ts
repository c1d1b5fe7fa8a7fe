import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { armAdvocates, backtest, identifyAdvocates, ValidationError, type Advocate, type CriticismInput } from "../../src/index.js";
import { archetypeData } from "../fixtures/archetypes.js";
import { junk, messyData, text, unicodeText, validData, validDate } from "../fixtures/arbitraries.js";
import { firstNonFinite } from "../fixtures/inspect-output.js";

/** Advocates to arm: the archetypes (a true advocate, a vocal critic, …) plus everyone in a hostile data set. */
const archetypes = identifyAdvocates(archetypeData(), { minimum: { loyalty: 0, commitment: 0, voice: 0 } }).advocates;
const advocates: fc.Arbitrary<Advocate[]> = fc.oneof(
  fc.constant(archetypes),
  validData().map((data) => identifyAdvocates(data, { asOf: "2026-06-30", minimum: { loyalty: 0, commitment: 0, voice: 0 } }).advocates),
);

/** A field that is valid, junk, or missing (`undefined` keys are dropped). */
function field<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: junk }, { weight: 1, arbitrary: fc.constant(undefined) });
}

function withoutUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

const criticism: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 9, arbitrary: fc
    .record({
      platform: field(fc.constantFrom("twitter", " Twitter ", "reddit", "reviews", "\u{1f426}", "__proto__")),
      text: field(fc.oneof(text, fc.constantFrom("Shipping is slow", "The app keeps crashing", "Too expensive for what it is"))),
      topic: field(fc.constantFrom("shipping", "Price", "support", "constructor", "__proto__")),
      url: field(fc.constantFrom("https://example.com/t/1", "http://x.y/\u00e9")),
      date: field(validDate),
      extra: field(unicodeText),
    })
    .map(withoutUndefined) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, "twitter", [], 42) },
);

const fact: fc.Arbitrary<unknown> = fc
  .record({
    id: field(fc.oneof(fc.constantFrom("F-1", "__proto__", "0042", "42"), fc.integer({ min: 0, max: 99 }))),
    topic: field(fc.constantFrom("shipping", "SUPPORT", "price", "toString")),
    claim: field(fc.oneof(text, fc.constant("Orders ship within 24 hours."))),
    source: field(fc.constantFrom("ops report", "")),
  })
  .map(withoutUndefined);

const armOptions = fc.record({
  brand: fc.oneof(fc.constantFrom("Northwind Coffee", "\u05e7\u05e4\u05d4", "\u{1f375} Tea & Co"), unicodeText),
  incentive: fc.option(text, { nil: undefined }),
  maxPerThread: fc.integer({ min: 1, max: 5 }),
  maxAlerts: fc.integer({ min: 0, max: 6 }),
  topics: fc.option(
    fc.oneof(
      fc.dictionary(fc.constantFrom("shipping", "constructor", "toString", "\u00fc"), fc.array(fc.constantFrom("slow", "ship", "app", "\u00e9"), { minLength: 1, maxLength: 3 })),
      fc.constant(JSON.parse('{"__proto__": ["slow"], "price": ["expensive"]}') as Record<string, string[]>),
    ),
    { nil: undefined },
  ),
});

describe("armAdvocates on generated criticism, facts and options", () => {
  it("arms within its limits with cited angles, or throws ValidationError for a bad criticism or fact, or a RangeError naming a bad option", () => {
    fc.assert(
      fc.property(advocates, criticism, fc.array(fact, { maxLength: 4 }), armOptions, (list, thread, facts, rawOptions) => {
        const options = withoutUndefined(rawOptions) as unknown as Parameters<typeof armAdvocates>[2];
        let armed;
        try {
          armed = armAdvocates(list, thread as CriticismInput, { ...options, facts: facts as Record<string, unknown>[] });
        } catch (error) {
          if (error instanceof RangeError) {
            // A blank brand, an incentive whose text reads as conditioned on what is said, a blank topic name.
            expect(error.message).toMatch(/^Invalid armAdvocates options:\n {2}- option (brand|incentive\.what|topics\.[^:]+): /);
            return;
          }
          expect(error).toBeInstanceOf(ValidationError);
          expect((error as ValidationError).problems.length).toBeGreaterThan(0);
          return;
        }
        expect(firstNonFinite(armed)).toBeUndefined();
        if (armed.noTopic !== undefined) {
          // No topic found: nobody is armed, rather than the same strongest advocates for every complaint.
          expect(armed.topics).toEqual([]);
          expect(armed.kits).toEqual([]);
          return;
        }
        // Critics (brand posts leaning negative) are never armed nor alerted.
        const present = list.length - armed.critics - armed.notOnPlatform;
        expect(armed.kits.length).toBe(Math.min(present, rawOptions.maxPerThread));
        expect(armed.overCap).toBe(present - armed.kits.length);
        expect(armed.alerts.length).toBeLessThanOrEqual(rawOptions.maxAlerts);
        const ids = new Set(list.map((advocate) => advocate.customerId));
        const kitIds = new Set(armed.kits.map((kit) => kit.customerId));
        expect(kitIds.size).toBe(armed.kits.length);
        for (const kit of armed.kits) {
          expect(ids.has(kit.customerId)).toBe(true);
          expect(kit.platform).toBe(armed.criticism.platform);
          expect(kit.disclosure).toContain(rawOptions.brand.trim());
          for (const angle of kit.angles) expect(angle.cites.length).toBeGreaterThan(0);
        }
        for (const alert of armed.alerts) expect(kitIds.has(alert.customerId)).toBe(false);
      }),
      { numRuns: 150 },
    );
  });
});

describe("backtest on generated data and split dates", () => {
  it("gives precision and lift in range, or throws ValidationError (strict) or a RangeError about the split", () => {
    // A bigint split date makes the error message itself throw (reported separately), so it is left out here.
    const split = fc.oneof({ weight: 4, arbitrary: validDate }, { weight: 1, arbitrary: junk.filter((value) => typeof value !== "bigint") });
    const cases = fc.oneof(
      fc.tuple(validData(), split).map(([data, splitDate]) => ({ data, splitDate, mode: "strict" as const })),
      fc.tuple(messyData(), split, fc.constantFrom<"strict" | "lenient">("strict", "lenient")).map(([data, splitDate, mode]) => ({ data, splitDate, mode })),
    );
    fc.assert(
      fc.property(cases, fc.integer({ min: 1, max: 60 }), ({ data, splitDate, mode }, k) => {
        let result;
        try {
          result = backtest(data, { splitDate: splitDate as string, k, mode, personas: 2 });
        } catch (error) {
          if (error instanceof RangeError && error.message.startsWith("backtest:")) return;
          if (error instanceof RangeError && error.message.startsWith("Invalid backtest options:\n  - option splitDate: ")) return;
          expect(mode).toBe("strict");
          expect(error).toBeInstanceOf(ValidationError);
          return;
        }
        expect(firstNonFinite(result)).toBeUndefined();
        expect(result.k).toBeLessThanOrEqual(Math.min(k, result.customers));
        expect(result.positives).toBeLessThanOrEqual(result.customers);
        for (const ranking of [result.advocateRanking, result.npsRanking]) {
          expect(ranking.hits).toBeLessThanOrEqual(result.k);
          expect(ranking.precisionAtK).toBeGreaterThanOrEqual(0);
          expect(ranking.precisionAtK).toBeLessThanOrEqual(1);
        }
        expect(result.baseRate).toBeGreaterThanOrEqual(0);
        expect(result.baseRate).toBeLessThanOrEqual(1);
        expect(result.splitDate < result.endDate).toBe(true);
      }),
      { numRuns: 120 },
    );
  });
});
