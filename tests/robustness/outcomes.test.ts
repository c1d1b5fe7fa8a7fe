import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { identifyAdvocates, resolveOptions, validateData, ValidationError, type AdvocateOptionsInput } from "../../src/index.js";
import { junk, messyData, normaliseId, SOURCES, validData, validOptions, type GeneratedData } from "../fixtures/arbitraries.js";
import { firstNonFinite } from "../fixtures/inspect-output.js";

/** Whether any purchase, survey or social row exists; without one (and without `asOf`) there is no "as of" day. */
function hasEvents(data: GeneratedData): boolean {
  return data.purchases.length + data.surveys.length + data.social.length > 0;
}

describe("identifyAdvocates on generated input: a clean result or the typed ValidationError, nothing else", () => {
  it("valid but hostile data (extreme numbers, every date form, tricky IDs, unicode, duplicates) gives a clean result in strict mode", () => {
    fc.assert(
      fc.property(validData(), validOptions, (data, options) => {
        fc.pre(hasEvents(data) || options.asOf !== undefined);
        let result;
        try {
          result = identifyAdvocates(data, { ...options, mode: "strict" });
        } catch (error) {
          // Every dated record belongs to an excluded customer (no consent, opted out): their records move nothing,
          // so without asOf there is no "as of" day — the one documented refusal of valid data.
          expect(options.asOf).toBeUndefined();
          expect(String(error)).toMatch(/excluded before profiling.*no 'as of' day/);
          return;
        }
        expect(firstNonFinite(result, { text: true })).toBeUndefined();
        expect(result.problems).toEqual([]);
        for (const advocate of result.advocates) {
          for (const value of [advocate.score, advocate.loyalty, advocate.commitment, advocate.voice, advocate.confidence, advocate.exposure.score]) {
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: 120 },
    );
  });

  it("messy data in strict mode either gives a clean result from all-valid rows or throws ValidationError naming real rows", () => {
    fc.assert(
      fc.property(messyData(), (data) => {
        let result;
        try {
          result = identifyAdvocates(data, { asOf: "2026-06-30", mode: "strict", maxProblems: 5 });
        } catch (error) {
          expect(error).toBeInstanceOf(ValidationError);
          const { problems, total } = error as ValidationError;
          expect(problems.length).toBeGreaterThan(0);
          expect(problems.length).toBeLessThanOrEqual(5);
          expect(total).toBeGreaterThanOrEqual(problems.length);
          for (const problem of problems) {
            const rows = data[problem.source as keyof GeneratedData];
            expect(rows).toBeDefined();
            expect(problem.row).toBeGreaterThanOrEqual(1);
            expect(problem.row).toBeLessThanOrEqual(rows.length);
            expect(problem.field).not.toBe("");
          }
          return;
        }
        expect(firstNonFinite(result)).toBeUndefined();
        // Strict mode never skips silently: a result means no row was bad.
        expect(validateData(data, resolveOptions({ mode: "lenient" })).problems).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it("messy data in lenient mode never throws, and every row is either kept or reported, never both, never neither", () => {
    fc.assert(
      fc.property(messyData(), (data) => {
        const options = resolveOptions({ mode: "lenient", asOf: "2026-06-30" });
        const validated = validateData(data, options);
        for (const source of SOURCES) {
          const kept = validated[source].map((located) => located.ref.row);
          const reported = new Set(validated.problems.filter((problem) => problem.source === source).map((problem) => problem.row));
          expect(new Set(kept).size).toBe(kept.length);
          for (const row of kept) expect(reported.has(row)).toBe(false);
          expect(kept.length + reported.size).toBe(data[source].length);
          expect(validated.skippedRows[source]).toBe(reported.size);
          // Independently of the schemas: a row that is not a record, or has no usable customer ID, is reported.
          data[source].forEach((row, index) => {
            const record = row !== null && typeof row === "object" && !Array.isArray(row) ? (row as Record<string, unknown>) : undefined;
            if (record === undefined || normaliseId(record.customerId) === undefined) expect(reported.has(index + 1)).toBe(true);
          });
        }
        const result = identifyAdvocates(data, { mode: "lenient", asOf: "2026-06-30", minimum: { loyalty: 0, commitment: 0, voice: 0 }, personas: 3 });
        expect(firstNonFinite(result)).toBeUndefined();
        expect(JSON.stringify(result.problems)).toBe(JSON.stringify(validated.problems));
      }),
      { numRuns: 150 },
    );
  });

  it("junk in any option is refused with a RangeError naming the option, or accepted and gives a clean result", () => {
    const optionNames = ["asOf", "mode", "maxProblems", "requireConsent", "cooldownDays", "top", "personas", "seed", "weights", "minimum", "loyaltyHorizonWeeks", "voiceModel", "voiceWindowDays", "surveyHalfLifeDays", "socialHalfLifeDays", "answerScale", "scales", "topics", "sourceNames"];
    const weights = fc.record({ loyalty: junk, commitment: junk, voice: junk }, { requiredKeys: [] });
    const options = fc.dictionary(fc.constantFrom(...optionNames), fc.oneof(junk, weights), { maxKeys: 3 });
    fc.assert(
      fc.property(validData({ customers: 2, purchases: 8, surveys: 3, social: 4 }), options, (data, raw) => {
        fc.pre(hasEvents(data));
        let result;
        try {
          result = identifyAdvocates(data, { asOf: "2026-06-30", ...raw } as AdvocateOptionsInput);
        } catch (error) {
          if (error instanceof RangeError && error.message.startsWith("Invalid options:")) {
            expect(Object.keys(raw).some((name) => error.message.includes(`option ${name}`))).toBe(true);
            return;
          }
          throw error;
        }
        expect(firstNonFinite(result)).toBeUndefined();
      }),
      { numRuns: 150 },
    );
  });
});
