import { createRequire } from "node:module";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import * as source from "../../src/index.js";
import { messyData, orderFreeData, shuffles, SOURCES, validData, validOptions, type GeneratedData, type SourceName } from "../fixtures/arbitraries.js";
import { mapCitations } from "../fixtures/inspect-output.js";

type Library = typeof import("../../src/index.js");

const CRITICISM = { platform: "twitter", text: "Shipping is slow and the app keeps crashing", topic: "support" };
const FACTS = [{ id: "F-1", topic: "shipping", claim: "Orders ship within 24 hours.", source: "ops report" }];

/** Everything the public API gives for the data, as JSON: ranking, kits, backtest, model and per-customer explanations. */
function outputs(library: Library, data: GeneratedData, options: source.AdvocateOptionsInput): string {
  const run = (job: () => unknown): unknown => {
    try {
      return job();
    } catch (error) {
      return { threw: (error as Error).name, message: (error as Error).message };
    }
  };
  const result = run(() => library.identifyAdvocates(data, options)) as source.AdvocateResult;
  const armed = Array.isArray(result.advocates) ? run(() => library.armAdvocates(result.advocates, CRITICISM, { brand: "Brand", facts: FACTS, maxAlerts: 10 })) : undefined;
  const model = run(() => library.fitModel(data, options));
  const explained = run(() => {
    const resolved = library.resolveOptions(options);
    const prepared = library.prepareProfiles(data, resolved);
    const fitted = library.fitModelToProfiles(prepared.profiles, prepared.asOfDay, resolved);
    return [...prepared.profiles.values()].map((profile) => library.explainCustomer(library.score(profile, fitted)));
  });
  const tested = run(() => library.backtest(data, { splitDate: "2024-01-01", k: 5, mode: options.mode }));
  return JSON.stringify({ result, armed, model, explained, tested });
}

/** Rows of `data` reordered by one permutation per source. */
function reorder(data: GeneratedData, order: Record<SourceName, number[]>): GeneratedData {
  const pick = (name: SourceName) => order[name].map((index) => data[name][index]!);
  return { customers: pick("customers"), purchases: pick("purchases"), surveys: pick("surveys"), social: pick("social") };
}

/**
 * For each source, row → the first row holding an identical record (1-based): citing either of two identical rows
 * is the same citation, so outputs of differently ordered data compare equal once rows are canonical.
 */
function canonicalRows(data: GeneratedData): Record<SourceName, number[]> {
  const canonical = {} as Record<SourceName, number[]>;
  for (const name of SOURCES) {
    const first = new Map<string, number>();
    canonical[name] = data[name].map((row, index) => {
      const key = JSON.stringify(row);
      if (!first.has(key)) first.set(key, index + 1);
      return first.get(key)!;
    });
  }
  return canonical;
}

/** Source names as the library writes them in citations, back to the data's source names. */
const SOURCE_OF = new Map<string, SourceName>(SOURCES.map((name) => [name, name]));

describe("outputs are byte-identical across reruns, row orders and builds", () => {
  it("the same input and options give byte-identical output on every run (valid strict, messy lenient)", () => {
    const data = fc.oneof(
      fc.tuple(validData(), validOptions).map(([rows, options]) => ({ rows, options: { ...options, asOf: options.asOf ?? "2026-06-30", mode: "strict" as const } })),
      messyData().map((rows) => ({ rows, options: { asOf: "2026-06-30", mode: "lenient" as const, personas: 3, minimum: { loyalty: 0, commitment: 0, voice: 0 } } })),
    );
    fc.assert(
      fc.property(data, ({ rows, options }) => {
        expect(outputs(source, rows, options)).toBe(outputs(source, rows, options));
      }),
      { numRuns: 60 },
    );
  });

  it("shuffling the rows of every source changes nothing but which of two identical rows is cited", () => {
    const cases = orderFreeData().chain((data) => fc.tuple(fc.constant(data), shuffles(data), validOptions));
    fc.assert(
      fc.property(cases, ([data, order, options]) => {
        const settings = { ...options, asOf: options.asOf ?? "2026-06-30" };
        const canonical = canonicalRows(data);
        const original = JSON.parse(outputs(source, data, settings)) as unknown;
        const shuffled = JSON.parse(outputs(source, reorder(data, order), settings)) as unknown;
        // Row r of the shuffled data is row order[r - 1] + 1 of the original.
        const back = mapCitations(shuffled, (name, row) => {
          const sourceName = SOURCE_OF.get(name);
          return sourceName === undefined ? row : canonical[sourceName][order[sourceName][row - 1]!]!;
        });
        const same = mapCitations(original, (name, row) => {
          const sourceName = SOURCE_OF.get(name);
          return sourceName === undefined ? row : canonical[sourceName][row - 1]!;
        });
        expect(JSON.stringify(back)).toBe(JSON.stringify(same));
      }),
      { numRuns: 60 },
    );
  });

  describe("ESM and CommonJS builds", () => {
    let esm: Library;
    let cjs: Library;
    beforeAll(async () => {
      esm = (await import("../../dist/index.js")) as unknown as Library;
      cjs = createRequire(import.meta.url)("../../dist/index.cjs") as Library;
    });

    it("give byte-identical outputs, and the same errors, on generated data", () => {
      const data = fc.oneof(
        fc.tuple(validData(), validOptions).map(([rows, options]) => ({ rows, options: { ...options, asOf: options.asOf ?? "2026-06-30" } })),
        fc.tuple(messyData(), fc.constantFrom<"strict" | "lenient">("strict", "lenient")).map(([rows, mode]) => ({ rows, options: { asOf: "2026-06-30", mode, personas: 2 } })),
      );
      fc.assert(
        fc.property(data, ({ rows, options }) => {
          expect(outputs(cjs, rows, options)).toBe(outputs(esm, rows, options));
        }),
        { numRuns: 50 },
      );
    });
  });
});
