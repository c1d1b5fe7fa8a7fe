import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  armAdvocates,
  backtest,
  backtestSplit,
  calibrationHoldout,
  customerLifetimeValue,
  findPersonas,
  fitBgNbd,
  fitCommitment,
  fitGammaGamma,
  fitLogistic,
  fitModel,
  fitParetoNbd,
  fitVoice,
  fitVoiceModel,
  identifyAdvocates,
  loadData,
  minimizeBfgs,
  profileFiles,
  profileFromRow,
  profileSql,
  renderReport,
  resolveOptions,
  rfmScores,
  rfmSummary,
  scoringUdf,
  simulateBgNbd,
  validateData,
  type AdvocateModel,
  type AdvocateResult,
} from "../../src/index.js";
import { didYouMean, editDistance } from "../../src/schema/did-you-mean.js";
import { scorer } from "../../src/warehouse/udf-runtime.js";
import { archetypeData } from "../fixtures/archetypes.js";

const data = archetypeData();
const advocates = identifyAdvocates(data).advocates;
const criticism = { platform: "twitter", text: "Shipping is so slow" };
const BG = { r: 0.24, alpha: 4.4, a: 0.79, b: 2.4 };
const GG = { p: 6.25, q: 3.74, gamma: 15.44 };

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
  return "(no error)";
}

async function asyncMessageOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
  return "(no error)";
}

describe("did you mean", () => {
  it("counts a transposition as one edit and ignores case and separators", () => {
    expect(editDistance("loyality", "loyalty")).toBe(1);
    expect(editDistance("vioce", "voice")).toBe(1);
    expect(editDistance("", "top")).toBe(3);
    expect(didYouMean("coolDownDays", ["top", "cooldownDays"])).toBe("cooldownDays");
    expect(didYouMean("cool_down_days", ["cooldownDays"])).toBe("cooldownDays");
    expect(didYouMean("colour", ["top", "seed", "mode"])).toBeUndefined();
    // Short names allow one edit only: "to" is not "top"'s typo of "mode".
    expect(didYouMean("xy", ["top"])).toBeUndefined();
  });
});

describe("options that cannot be mistyped (the issue's cases)", () => {
  it("refuses every typo the issue found accepted, naming the option meant", () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ lenient: true }, 'unknown option lenient (did you mean mode: "lenient"?)'],
      [{ topp: 5 }, "unknown option topp (did you mean top?)"],
      [{ requireConsnet: true }, "unknown option requireConsnet (did you mean requireConsent?)"],
      [{ minimum: { loyality: 0 } }, "unknown option minimum.loyality (did you mean minimum.loyalty?)"],
      [{ weights: { vioce: 5 } }, "unknown option weights.vioce (did you mean weights.voice?)"],
      [{ coolDownDays: 0 }, "unknown option coolDownDays (did you mean cooldownDays?)"],
      [{ answerScale: { mx: 7 } }, "unknown option answerScale.mx (did you mean answerScale.max?)"],
      [{ sourceNames: { purchase: "p.csv" } }, "unknown option sourceNames.purchase (did you mean sourceNames.purchases?)"],
      [{ brand: { name: ["Northwind"] } }, "unknown option brand.name (did you mean brand.names?)"],
      [{ scales: [{ name: "love", items: ["a"], revers: ["a"] }] }, "unknown option scales[0].revers (did you mean scales[0].reverse?)"],
    ];
    for (const [options, expected] of cases) {
      expect(messageOf(() => identifyAdvocates(data, options as never))).toBe(`RangeError: Invalid options:\n  - ${expected}`);
    }
  });

  it("refuses armAdvocates' typos, so an incentive can never drop out of the disclosure", () => {
    expect(messageOf(() => armAdvocates(advocates, criticism, { brand: "N", maxPerthread: 1 } as never))).toBe(
      "RangeError: Invalid armAdvocates options:\n  - unknown option maxPerthread (did you mean maxPerThread?)",
    );
    expect(messageOf(() => armAdvocates(advocates, criticism, { brand: "N", incentives: "a £10 voucher" } as never))).toBe(
      "RangeError: Invalid armAdvocates options:\n  - unknown option incentives (did you mean incentive?)",
    );
    expect(messageOf(() => armAdvocates(advocates, criticism, { brand: "" }))).toMatch(/^RangeError: Invalid armAdvocates options:\n {2}- option brand: expected the brand's name/);
    expect(messageOf(() => armAdvocates(advocates, criticism, { brand: "   " }))).toMatch(/option brand: expected the brand's name/);
    expect(messageOf(() => armAdvocates(advocates, criticism, { brand: "N", maxPerThread: 1.5 }))).toMatch(/option maxPerThread: expected a whole number ≥ 0/);
    expect(messageOf(() => armAdvocates(advocates, criticism, null as never))).toBe("TypeError: armAdvocates: options must be an object, got null");
  });

  it("refuses a string where the brand identity object belongs, saying what it should be", () => {
    expect(messageOf(() => resolveOptions({ brand: "" as never }))).toBe(
      "RangeError: Invalid options:\n  - option brand: expected { names: [...], handles: [...] } (the brand's names and public handles)",
    );
  });

  it("names backtest's own options and the ranking options it sets itself", () => {
    expect(messageOf(() => backtestSplit({ splitDate: "2026-01-01", top: 10 } as never))).toBe(
      "RangeError: Invalid backtest options:\n  - unknown option top (did you mean k (a backtest ranks everyone and measures its top k)?)",
    );
    expect(messageOf(() => backtestSplit({ splitDate: "2026-01-01", kk: 10 } as never))).toMatch(/unknown option kk \(did you mean k\?\)/);
    expect(messageOf(() => backtestSplit({ splitDate: "2026-01-01", k: 0 }))).toMatch(/option k: expected a whole number > 0/);
  });

  it("names the closest key in the warehouse options too", () => {
    expect(messageOf(() => profileSql({ dialect: "duckdb", purchases: { tabel: "p" } } as never))).toMatch(/unknown option purchases\.tabel \(did you mean purchases\.table\?\)/);
    expect(messageOf(() => profileSql({ dialect: "duckdb", coolDownDays: 0 } as never))).toMatch(/unknown option coolDownDays \(did you mean cooldownDays\?\)/);
    expect(messageOf(() => profileFromRow({}, { topic: {} } as never))).toBe('RangeError: profileFromRow: unknown option "topic" (did you mean "topics"?)');
    expect(messageOf(() => scorer({} as AdvocateModel, { topisc: {} } as never))).toBe('RangeError: brandAdvocatesUdf.scorer: unknown option "topisc" (did you mean "topics"?)');
  });

  it("refuses a mistyped kind of file, which would leave a whole file unread", async () => {
    expect(await asyncMessageOf(() => profileFiles({ purchase: "orders.csv" } as never))).toBe(
      "RangeError: Invalid profileFiles (files) options:\n  - unknown option purchase (did you mean purchases?)",
    );
    expect(await asyncMessageOf(() => profileFiles({}, {}, { worker: 2 } as never))).toMatch(/unknown option worker \(did you mean workers\?\)/);
    expect(await asyncMessageOf(() => profileFiles({}, {}, { workers: -1 }))).toMatch(/option workers: expected "auto" or a whole number ≥ 0/);
    expect(await asyncMessageOf(() => loadData({ survey: "s.csv" } as never))).toMatch(/unknown option survey \(did you mean surveys\?\)/);
    expect(await asyncMessageOf(() => profileFiles({ purchases: "" }))).toMatch(/option purchases: expected a file path/);
  });
});

describe("wrongly shaped data gets one clear TypeError, not row problems", () => {
  it("says a file name is not records, and where files are read", () => {
    expect(messageOf(() => identifyAdvocates({ purchases: "purchases.csv" } as never))).toBe(
      'TypeError: identifyAdvocates: purchases: expected an array (or iterable) of records, got a string ("purchases.csv") — to read files use loadData or profileFiles',
    );
    expect(messageOf(() => fitModel({ surveys: { customerId: "c1" } } as never))).toBe("TypeError: fitModel: surveys: expected an array (or iterable) of records, got an object");
    expect(messageOf(() => backtest({ social: 42 } as never, { splitDate: "2026-01-01" }))).toBe("TypeError: backtest: social: expected an array (or iterable) of records, got a number (42)");
    expect(messageOf(() => validateData({ customers: new Map() } as never, resolveOptions()))).toMatch(/^TypeError: validateData: customers: expected an array \(or iterable\) of records, got a Map/);
  });

  it("says what data must be when it is null, an array or a string", () => {
    for (const [value, got] of [
      [null, "null"],
      [undefined, "undefined"],
      [[], "an array"],
      ["purchases.csv", 'a string ("purchases.csv") — to read files use loadData or profileFiles'],
    ] as const) {
      expect(messageOf(() => identifyAdvocates(value as never))).toBe(
        `TypeError: identifyAdvocates: data must be an object with customers, purchases, surveys and/or social, each an array of records, got ${got}`,
      );
    }
  });

  it("names the closest source for a mistyped one", () => {
    expect(messageOf(() => identifyAdvocates({ purchase: [] } as never))).toBe('TypeError: identifyAdvocates: unknown data source "purchase" (did you mean "purchases"?)');
  });

  it("still takes any iterable of records (a Set, a generator)", () => {
    const purchases = data.purchases;
    function* rows() {
      yield* purchases;
    }
    expect(identifyAdvocates({ purchases: rows() }).scored).toBe(identifyAdvocates({ purchases: new Set(purchases) }).scored);
  });
});

/** Every function of the public API that takes an options object, called with valid options plus `extra`. */
const TARGETS: Array<[name: string, call: (extra: Record<string, unknown>) => unknown]> = [
  ["identifyAdvocates", (extra) => identifyAdvocates(data, { top: 3, ...extra })],
  ["resolveOptions (nested: minimum)", (extra) => resolveOptions({ minimum: { loyalty: 0, ...extra } })],
  ["resolveOptions (nested: brand)", (extra) => resolveOptions({ brand: { names: ["N"], ...extra } })],
  ["armAdvocates", (extra) => armAdvocates(advocates, criticism, { brand: "N", ...extra })],
  ["armAdvocates (nested: incentive)", (extra) => armAdvocates(advocates, criticism, { brand: "N", incentive: { what: "a mug", condition: "none", ...extra } })],
  ["backtestSplit", (extra) => backtestSplit({ splitDate: "2026-01-01", ...extra })],
  ["renderReport", (extra) => renderReport({} as AdvocateResult, { top: 5, ...extra })],
  ["scoringUdf", (extra) => scoringUdf({} as AdvocateModel, { dialect: "snowflake", ...extra })],
  ["profileSql", (extra) => profileSql({ dialect: "duckdb", ...extra } as never)],
  ["profileSql (nested: table)", (extra) => profileSql({ dialect: "duckdb", purchases: { table: "p", ...extra } } as never)],
  ["profileFromRow", (extra) => profileFromRow({}, { ...extra })],
  ["profileFiles (read)", (extra) => profileFiles({}, {}, { workers: 0, ...extra })],
  ["profileFiles (files)", (extra) => profileFiles({ ...extra })],
  ["loadData", (extra) => loadData({ ...extra })],
  ["findPersonas", (extra) => findPersonas([], { k: 2, ...extra })],
  ["fitCommitment", (extra) => fitCommitment([], 20_000, { halfLifeDays: 365, answerScale: { min: 1, max: 5 }, ...extra })],
  ["fitVoice", (extra) => fitVoice([], 20_000, 180, { ...extra })],
  ["fitVoiceModel", (extra) => fitVoiceModel([], { asOfDay: 20_000, halfLifeDays: 180, ...extra })],
  ["fitLogistic", (extra) => fitLogistic([], [], { ...extra })],
  ["fitBgNbd", (extra) => fitBgNbd([], { ...extra })],
  ["fitParetoNbd", (extra) => fitParetoNbd([], { ...extra })],
  ["fitGammaGamma", (extra) => fitGammaGamma([], { ...extra })],
  ["customerLifetimeValue", (extra) => customerLifetimeValue(BG, GG, { frequency: 2, recency: 30, T: 38, monetaryValue: 20 }, { unit: "weeks", ...extra })],
  ["minimizeBfgs", (extra) => minimizeBfgs((x) => (x[0] as number) ** 2, [1], { ...extra })],
  ["rfmSummary", (extra) => rfmSummary([], { asOf: new Date("2026-01-01T00:00:00Z"), unit: "weeks", ...extra })],
  ["calibrationHoldout", (extra) => calibrationHoldout([], { calibrationEnd: new Date("2025-01-01T00:00:00Z"), observationEnd: new Date("2026-01-01T00:00:00Z"), unit: "weeks", ...extra })],
  ["rfmScores", (extra) => rfmScores([], { ...extra })],
  ["simulateBgNbd", (extra) => simulateBgNbd(BG, { customers: 0, T: () => 1, seed: 1, ...extra })],
];

describe("any options object with one extra random key is rejected", () => {
  // A key no options object has: at least one character that no option name uses, or the prototype's own names.
  const extraKey = fc.oneof(
    fc.string({ minLength: 1, maxLength: 12 }).map((key) => `${key}#`),
    fc.constantFrom("__proto__", "constructor", "toString", "hasOwnProperty", "", " ", "\u001b[31m"),
  );

  it.each(TARGETS)("%s", async (_name, call) => {
    await fc.assert(
      fc.asyncProperty(extraKey, fc.anything(), async (key, value) => {
        const extra = Object.defineProperty({}, key, { value, enumerable: true, configurable: true, writable: true }) as Record<string, unknown>;
        const message = await asyncMessageOf(async () => call(extra));
        expect(message).toMatch(/^RangeError: .*unknown option/s);
        expect(message).toContain(key === "" ? '""' : /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key));
      }),
      { numRuns: 25 },
    );
  });

  it("covers every options type exported from the package", async () => {
    const index = await import("../../src/index.js");
    // The exported functions taking an options object, by the options type they are declared with.
    const covered = new Set(TARGETS.map(([name]) => name.split(" ")[0]));
    for (const name of ["identifyAdvocates", "armAdvocates", "backtestSplit", "renderReport", "scoringUdf", "profileSql", "profileFromRow", "profileFiles", "loadData", "findPersonas", "fitCommitment", "fitVoice", "fitVoiceModel", "fitLogistic", "fitBgNbd", "fitParetoNbd", "fitGammaGamma", "customerLifetimeValue", "minimizeBfgs", "rfmSummary", "calibrationHoldout", "rfmScores", "simulateBgNbd"]) {
      expect(typeof (index as Record<string, unknown>)[name], name).toBe("function");
      expect(covered.has(name), name).toBe(true);
    }
  });
});
