import { gzipSync } from "node:zlib";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { parse } from "sql-parser-cst";
import { describe, expect, it } from "vitest";
import {
  BIGQUERY_INLINE_LIMIT,
  fitModelToProfiles,
  prepareProfiles,
  nestColumns,
  profileFromRow,
  profileSql,
  resolveOptions,
  score,
  scoringUdf,
  type AdvocateModel,
} from "../src/index.js";
import { loadDataset, readFlatCsv, SOURCES, type Dataset } from "./fixtures/warehouse-duckdb.js";

type Library = typeof import("../src/index.js");
interface UdfGlobal {
  scoreRow(row: unknown, model: unknown, options?: unknown): string;
  scorer(model: unknown, options?: unknown): (row: unknown) => string;
}

const BUNDLE = readFileSync(fileURLToPath(new URL("../dist/udf/score.js", import.meta.url)), "utf8");
const sampleDir = fileURLToPath(new URL("../examples/data/", import.meta.url));

/** The bundle evaluated in an empty context: no require, no process, no module system — only JavaScript's built-ins. */
function bundleContext(code = BUNDLE): vm.Context {
  const context = vm.createContext({});
  vm.runInContext(code, context);
  return context;
}

/** A UDF body as the warehouse runs it: a function of the argument, evaluated in the context on every call. */
function udfBody(context: vm.Context, argument: string, body: string): (value: unknown) => string {
  return vm.runInContext(`(function (${argument}) {\n${body}\n})`, context) as (value: unknown) => string;
}

describe("the scoring bundle (dist/udf/score.js) and scoringUdf", async () => {
  const sample: Dataset = Object.fromEntries(SOURCES.map((source) => [source, readFlatCsv(`${sampleDir}${source}.csv`)]));
  const options = resolveOptions();
  const data = Object.fromEntries(Object.entries(sample).map(([source, rows]) => [source, rows.map((row) => nestColumns(row as Record<string, string>))]));
  const prepared = prepareProfiles(data, options);
  const model: AdvocateModel = JSON.parse(JSON.stringify(fitModelToProfiles(prepared.profiles, prepared.asOfDay, options)));
  const modelJson = JSON.stringify(model);
  const expected = new Map([...prepared.profiles].map(([id, profile]) => [id, JSON.stringify(score(profile, model))]));

  const { connection, tables } = await loadDataset(sample);
  const reader = await connection.runAndReadAll(profileSql({ dialect: "duckdb", ...tables }));
  const jsonRows = reader.getRowObjectsJson();
  const objectRows = reader.getRowObjectsJS();

  it("defines one global and needs nothing from Node", () => {
    const context = bundleContext();
    expect(Object.keys(context)).toEqual(["brandAdvocatesUdf"]);
    expect(BUNDLE).not.toMatch(/\bimport\s*\(|\brequire\(|^import |^export /m);
    // Snowflake stores UDF code compressed and recommends under 100 KB: the bundle carries the tone model's weights
    // (84 KB) and lexicon, so it is measured compressed; scoring must not pull zod (or any schema module) in.
    expect(gzipSync(BUNDLE).byteLength).toBeLessThan(100_000);
    expect(Buffer.byteLength(BUNDLE)).toBeLessThan(250_000);
    expect(BUNDLE).not.toMatch(/ZodError|\$ZodType/);
  });

  it("fits the same model from the warehouse's profiles as from the library's", () => {
    const fromRows = new Map(objectRows.map((row) => [String(row.customerId), profileFromRow(row)]));
    expect(JSON.stringify(fitModelToProfiles(fromRows, Number(objectRows[0]?.asOfDay), options))).toBe(JSON.stringify(fitModelToProfiles(prepared.profiles, prepared.asOfDay, options)));
  });

  it("scores every sample customer's profile row exactly as score(profile, model) does", () => {
    const udf = bundleContext().brandAdvocatesUdf as UdfGlobal;
    const scoreRow = udf.scorer(modelJson);
    expect(jsonRows).toHaveLength(2_930);
    for (const row of jsonRows) {
      const id = String(row.customerId);
      // JSON text, as BigQuery's TO_JSON_STRING hands it over, and the row object DuckDB's client returns (BigInt integers).
      expect(scoreRow(JSON.stringify(row)), id).toBe(expected.get(id));
    }
    for (const row of objectRows) expect(udf.scoreRow(row, model), String(row.customerId)).toBe(expected.get(String(row.customerId)));
  });

  it("scores with custom topics the same way the library profiles with them", () => {
    const topics = { beans: ["bean", "roast"], delivery: ["ship", "deliver"] };
    const withTopics = prepareProfiles(data, resolveOptions({ topics })).profiles;
    const udf = scoringUdf(model, { dialect: "bigquery", library: "gs://bucket/score.js", topics });
    const scoreRow = bundleContext(udf.javascript)[udf.scorerName] as (row: string) => string;
    const commented = jsonRows.filter((row) => JSON.stringify(row.surveys ?? []).includes('"comment"')).slice(0, 300);
    expect(commented.length).toBe(300);
    for (const row of commented) expect(scoreRow(JSON.stringify(row))).toBe(JSON.stringify(score(withTopics.get(String(row.customerId))!, model)));
  });

  it("writes a BigQuery function that loads the bundle as a library (too big to inline) and scores JSON rows", () => {
    const udf = scoringUdf(model, { dialect: "bigquery", functionName: "shop.score_advocate", library: "gs://shop-udf/brand-advocates.js" });
    expect(udf.form).toBe("library");
    expect(udf.bytes).toBeGreaterThan(BIGQUERY_INLINE_LIMIT);
    expect(udf.sql).toContain(`CREATE OR REPLACE FUNCTION shop.score_advocate(profile STRING)`);
    expect(udf.sql).toContain(`OPTIONS (library = ["gs://shop-udf/brand-advocates.js"])`);
    expect(() => parse(udf.sql, { dialect: "bigquery" })).not.toThrow();
    // The library file runs once per JavaScript environment; the function body then only scores.
    const context = bundleContext(udf.javascript);
    const body = /AS r"""\n([\s\S]*?)\n"""/.exec(udf.sql)?.[1] ?? "";
    const call = udfBody(context, "profile", body);
    for (const row of jsonRows.slice(0, 500)) expect(call(JSON.stringify(row))).toBe(expected.get(String(row.customerId)));
    expect(() => scoringUdf(model, { dialect: "bigquery" })).toThrow(/library/);
  });

  it("writes a Snowflake function with the code inline, evaluated once and then only scoring VARIANT rows", () => {
    const udf = scoringUdf(model, { dialect: "snowflake", functionName: "SHOP.CRM.SCORE_ADVOCATE" });
    expect(udf.form).toBe("inline");
    expect(udf.sql).toMatch(/^CREATE OR REPLACE FUNCTION SHOP\.CRM\.SCORE_ADVOCATE\(PROFILE VARIANT\)\nRETURNS VARCHAR\nLANGUAGE JAVASCRIPT\n/);
    const body = /AS \$\$\n([\s\S]*)\n\$\$;/.exec(udf.sql)?.[1] ?? "";
    expect(body.length).toBeGreaterThan(udf.bytes);
    const context = vm.createContext({});
    const call = udfBody(context, "PROFILE", body);
    // Snowflake hands a VARIANT over as a parsed object.
    for (const row of jsonRows.slice(0, 500)) expect(call(JSON.parse(JSON.stringify(row)))).toBe(expected.get(String(row.customerId)));
    expect(Object.keys(context)).toEqual([udf.scorerName]);
    expect(udf.scorerName).toMatch(/^brandAdvocatesScore_[0-9a-f]{8}$/);
    context[udf.scorerName] = () => "kept from the first call";
    expect(call({ customerId: "C0001" })).toBe("kept from the first call");
  });

  it("pins the CREATE FUNCTION statements (with a stand-in bundle)", async () => {
    const bundle = "var brandAdvocatesUdf = { scorer: function () { return function () { return '{}'; }; } };";
    const small = { format: model.format, version: model.version } as AdvocateModel;
    const bigquery = scoringUdf(small, { dialect: "bigquery", bundle });
    expect(bigquery.form).toBe("inline");
    expect(() => parse(bigquery.sql, { dialect: "bigquery" })).not.toThrow();
    await expect(bigquery.sql).toMatchFileSnapshot("__snapshots__/scoring-udf.bigquery.sql");
    await expect(scoringUdf(small, { dialect: "snowflake", bundle }).sql).toMatchFileSnapshot("__snapshots__/scoring-udf.snowflake.sql");
    const dollars = scoringUdf(small, { dialect: "snowflake", bundle: `${bundle}\nvar price = "$$5 \\\\ it's";` }).sql;
    expect(scoringUdf({ ...small, asOfDay: 1 } as AdvocateModel, { dialect: "snowflake", bundle }).scorerName).not.toBe(scoringUdf(small, { dialect: "snowflake", bundle }).scorerName);
    expect(dollars).toContain(`AS 'var root`);
    expect(dollars).toContain(`"$$5 \\\\\\\\ it\\'s"`);
  });

  it("refuses a model of another format or version and a malformed function name", () => {
    expect(() => scoringUdf({ ...model, version: 2 } as unknown as AdvocateModel, { dialect: "snowflake" })).toThrow(TypeError);
    expect(() => scoringUdf(model, { dialect: "snowflake", functionName: "drop table x; --" })).toThrow(/function name/);
  });

  it("reads the shipped bundle from the ESM and the CommonJS build alike", async () => {
    const esm = (await import("../dist/index.js")) as unknown as Library;
    const cjs = createRequire(import.meta.url)("../dist/index.cjs") as Library;
    const fromEsm = esm.scoringUdf(model, { dialect: "snowflake" });
    const fromCjs = cjs.scoringUdf(model, { dialect: "snowflake" });
    expect(fromCjs.sql).toBe(fromEsm.sql);
    expect(fromEsm.javascript.startsWith(BUNDLE.trimEnd())).toBe(true);
  });
});
