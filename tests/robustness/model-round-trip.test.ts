import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { explainCustomer, fitModel, identifyAdvocates, prepareProfiles, resolveOptions, score, terminalText, type AdvocateModel } from "../../src/index.js";
import { messyData, validData, validOptions } from "../fixtures/arbitraries.js";
import { firstNonFinite } from "../fixtures/inspect-output.js";

describe("fitModel + score, after a JSON round trip of the model, and explainCustomer", () => {
  it("a model scores the same after JSON.stringify/parse, every score is finite, and explanations print no NaN", () => {
    const cases = fc.oneof(
      fc.tuple(validData(), validOptions).map(([data, options]) => ({ data, options: { ...options, asOf: options.asOf ?? "2026-06-30" }, text: true })),
      messyData().map((data) => ({ data, options: { asOf: "2026-06-30", mode: "lenient" as const }, text: false })),
    );
    fc.assert(
      fc.property(cases, ({ data, options, text }) => {
        const model = fitModel(data, options);
        expect(firstNonFinite(model)).toBeUndefined();
        const json = JSON.stringify(model);
        // A non-finite parameter would have turned into null on the way.
        expect(json).not.toContain("null");
        const shipped = JSON.parse(json) as AdvocateModel;
        const prepared = prepareProfiles(data, resolveOptions(options));
        for (const profile of prepared.profiles.values()) {
          const here = score(profile, model);
          expect(JSON.stringify(score(profile, shipped))).toBe(JSON.stringify(here));
          expect(firstNonFinite(here)).toBeUndefined();
          expect(here.advocate).toBeGreaterThanOrEqual(0);
          expect(here.advocate).toBeLessThanOrEqual(1);
          const explained = explainCustomer(here);
          // The ID as a terminal may show it: control characters in it are escapes.
          expect(explained.startsWith(`Customer ${terminalText(profile.customerId)}\n`)).toBe(true);
          expect(firstNonFinite(explained, { text })).toBeUndefined();
        }
        // The one-call pipeline fits the very same model.
        expect(JSON.stringify(identifyAdvocates(data, options).model)).toBe(json);
      }),
      { numRuns: 100 },
    );
  });
});
