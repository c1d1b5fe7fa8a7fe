import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { armAdvocates, identifyAdvocates, NoRecordsError, ValidationError } from "../src/index.js";

const ids = fc.constantFrom<string>("a", "b", "c", "__proto__", "constructor", "hasOwnProperty", "ü-ñ", "0");
const day = fc.integer({ min: 0, max: 3_000 }).map((offset) => new Date(Date.UTC(2018, 0, 1) + offset * 86_400_000));
// The largest values the schemas accept (1e12 money, 1e10 audience), the smallest, and everyday ones.
const extreme = fc.oneof(fc.constantFrom(0, 1e-300, 1e10, 5e-324), fc.double({ min: 0, max: 1e6, noNaN: true }));
const extremeAmount = fc.oneof(extreme, fc.constant(1e12));
const anything = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.constant(null), fc.constant(undefined), fc.boolean());

const purchase = fc.record({ customerId: ids, date: day, amount: extremeAmount, product: fc.option(fc.string(), { nil: undefined }), returned: fc.option(fc.boolean(), { nil: undefined }) });
const survey = fc.record({
  customerId: ids,
  date: day,
  nps: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
  csat: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
  answers: fc.option(fc.dictionary(fc.constantFrom("trust", "love", "constructor"), fc.double({ min: 1, max: 5, noNaN: true })), { nil: undefined }),
  comment: fc.option(fc.string(), { nil: undefined }),
});
const social = fc.record({
  customerId: ids,
  date: day,
  platform: fc.constantFrom("twitter", "reddit", "Reviews"),
  type: fc.constantFrom("post", "reply", "comment", "review", "share"),
  public: fc.option(fc.boolean(), { nil: undefined }),
  mentionsBrand: fc.option(fc.boolean(), { nil: undefined }),
  text: fc.option(fc.string(), { nil: undefined }),
  sentiment: fc.option(fc.double({ min: -1, max: 1, noNaN: true }), { nil: undefined }),
  reach: fc.option(extreme, { nil: undefined }),
  repliesToCriticism: fc.option(fc.boolean(), { nil: undefined }),
});
const customer = fc.record({ customerId: ids, optedOut: fc.option(fc.boolean(), { nil: undefined }), consent: fc.option(fc.boolean(), { nil: undefined }) });

function hasNonFinite(value: unknown): boolean {
  if (typeof value === "number") return !Number.isFinite(value);
  if (Array.isArray(value)) return value.some(hasNonFinite);
  if (value !== null && typeof value === "object") return Object.values(value).some(hasNonFinite);
  return false;
}

describe("invariants over generated data", () => {
  it("valid input always gives finite scores in 0..1, no opted-out customer, and the same output twice", () => {
    fc.assert(
      fc.property(
        fc.record({
          customers: fc.array(customer, { maxLength: 6 }),
          purchases: fc.array(purchase, { maxLength: 25 }),
          surveys: fc.array(survey, { maxLength: 10 }),
          social: fc.array(social, { maxLength: 15 }),
        }),
        (data) => {
          fc.pre(data.purchases.length + data.surveys.length + data.social.length > 0);
          const options = { minimum: { loyalty: 0, commitment: 0, voice: 0 }, personas: 2 };
          const optedOut = new Set(data.customers.filter((row) => row.optedOut === true).map((row) => row.customerId));
          const records = [...data.purchases, ...data.surveys, ...data.social];
          if (records.every((record) => optedOut.has(record.customerId))) {
            // Every record belongs to an opted-out customer: nothing may be profiled, and with no
            // 'as of' day to rank at, that is the typed "nothing to rank" error, never an empty success.
            expect(() => identifyAdvocates(data, options)).toThrow(NoRecordsError);
            return;
          }
          const result = identifyAdvocates(data, options);
          expect(hasNonFinite(result)).toBe(false);
          for (const advocate of result.advocates) {
            expect(optedOut.has(advocate.customerId)).toBe(false);
            for (const value of [advocate.score, advocate.loyalty, advocate.commitment, advocate.voice, advocate.confidence]) {
              expect(value).toBeGreaterThanOrEqual(0);
              expect(value).toBeLessThanOrEqual(1);
            }
          }
          expect(JSON.stringify(identifyAdvocates(data, options))).toBe(JSON.stringify(result));
          const armed = armAdvocates(result.advocates, { platform: "twitter", text: "slow shipping" }, { brand: "B" });
          expect(hasNonFinite(armed)).toBe(false);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("arbitrary junk either validates or throws the typed ValidationError, never anything else", () => {
    fc.assert(
      fc.property(fc.array(fc.dictionary(fc.constantFrom("customerId", "date", "amount", "returned", "__proto__"), anything), { maxLength: 8 }), (rows) => {
        try {
          const result = identifyAdvocates({ purchases: rows }, { asOf: "2026-01-01" });
          expect(hasNonFinite(result)).toBe(false);
        } catch (error) {
          expect(error).toBeInstanceOf(ValidationError);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("handles a large array without spreading it onto the stack", () => {
    const purchases = Array.from({ length: 200_000 }, (_, index) => ({ customerId: `c${index % 5_000}`, date: new Date(Date.UTC(2025, 0, 1 + (index % 365))), amount: 1 }));
    const result = identifyAdvocates({ purchases }, { minimum: { loyalty: 0, commitment: 0, voice: 0 }, top: 3 });
    expect(result.scored).toBe(5_000);
  });
});
