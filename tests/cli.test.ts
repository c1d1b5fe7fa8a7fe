import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { archetypeData } from "./fixtures/archetypes.js";
import { writeFixtureCsv } from "./fixtures/write-csv.js";

const files = writeFixtureCsv(archetypeData());
const dataArgs = ["--customers", files.customers, "--purchases", files.purchases, "--surveys", files.surveys, "--social", files.social];

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, ["dist/cli.js", ...args], { encoding: "utf8" });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("brand-advocates CLI (built)", () => {
  it("ranks CSV exports into a readable table with reasons", () => {
    const { code, stdout, stderr } = cli("rank", ...dataArgs, "--top", "3");
    expect(code).toBe(0);
    expect(stdout.split("\n")[0]).toMatch(/#\s+customer\s+score/);
    expect(stdout).toMatch(/^\s+1 {2}true-advocate/m);
    expect(stdout).toContain("· latest NPS 10/10 (promoter)");
    expect(stderr).toMatch(/as of 2026-06-30: 304 customers scored/);
  });

  it("writes CSV and JSON that match each other and contain no opted-out customer", () => {
    const csv = cli("rank", ...dataArgs, "--format", "csv");
    const json = cli("rank", ...dataArgs, "--format", "json");
    expect(csv.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as { advocates: Array<{ customerId: string }> };
    const csvIds = Papa.parse<string[]>(csv.stdout.trim()).data.slice(1).map((cells) => cells[1]);
    expect(csvIds).toEqual(parsed.advocates.map((advocate) => advocate.customerId));
    expect(json.stdout).not.toContain("opted-out");
  });

  it("arms advocates for a criticism with a Markdown brief carrying the disclosure", () => {
    const facts = join(files.dir, "facts.csv");
    writeFileSync(facts, "id,topic,claim,source\nF-SHIP-1,shipping,Orders ship within 24 hours on weekdays.,SLA 2026\n");
    const { code, stdout } = cli("arm", ...dataArgs, "--facts", facts, "--platform", "twitter", "--criticism-text", "Shipping is so slow", "--brand", "Northwind Coffee");
    expect(code).toBe(0);
    expect(stdout).toContain("# Brief for Ada Advocate (@ada on twitter)");
    expect(stdout).toContain("Orders ship within 24 hours on weekdays. _(source: fact F-SHIP-1)_");
    expect(stdout).toContain("> Disclosure: Northwind Coffee asked me to share my experience.");
  });

  it("explains one customer's scores and evidence, and says when a customer is unknown", () => {
    const { code, stdout } = cli("explain", "true-advocate", ...dataArgs);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Customer true-advocate\nadvocate +0\.\d{3} +\(confidence/);
    expect(stdout).toContain("segment     vocal-advocate; true-loyalty");
    expect(stdout).toMatch(/P\(alive\) 0\.9\d/);
    expect(cli("explain", "opted-out", ...dataArgs)).toMatchObject({ code: 2, stderr: expect.stringContaining("excluded before profiling") });
  });

  it("backtests from the command line and writes kits as CSV", () => {
    const run = cli("backtest", ...dataArgs, "--split-date", "2026-05-01", "--k", "5", "--format", "json");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ splitDate: "2026-05-01", k: 5 });
    const csv = cli("arm", ...dataArgs, "--platform", "twitter", "--criticism-text", "Shipping is slow", "--format", "csv");
    expect(csv.code).toBe(0);
    const [header, ...rows] = csv.stdout.trim().split("\n");
    expect(header).toBe('"customerId","platform","handle","score","angle","text","sources","disclosure"');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toContain("asked me to share my experience");
  });

  it("reads several files of one kind when a flag is repeated, as if they were one file", () => {
    const [header, ...rows] = readFileSync(files.purchases, "utf8").trimEnd().split("\n");
    const half = Math.floor(rows.length / 2);
    const first = join(files.dir, "purchases-2025.csv");
    const second = join(files.dir, "purchases-2026.csv");
    writeFileSync(first, [header, ...rows.slice(0, half)].join("\n") + "\n");
    writeFileSync(second, [header, ...rows.slice(half)].join("\n") + "\n");
    const others = ["--customers", files.customers, "--surveys", files.surveys, "--social", files.social];
    const whole = cli("rank", ...dataArgs, "--format", "json");
    const split = cli("rank", ...others, "--purchases", first, "--purchases", second, "--format", "json");
    expect(split.code).toBe(0);
    const ranking = (stdout: string) => (JSON.parse(stdout) as { advocates: Array<{ customerId: string; score: number; loyalty: number }> }).advocates.map(({ customerId, score, loyalty }) => [customerId, score, loyalty]);
    expect(ranking(split.stdout)).toEqual(ranking(whole.stdout));
    expect(split.stdout).toContain("purchases-2026.csv");
  });

  it("reports a bad row by file, row and field with exit code 2 and no stack trace", () => {
    const bad = join(files.dir, "bad-purchases.csv");
    writeFileSync(bad, "customerId,date,amount\nc1,2026-01-01,10\nc2,2026-13-01,5\nc3,2026-01-02,-1\n");
    const { code, stderr } = cli("rank", "--purchases", bad);
    expect(code).toBe(2);
    expect(stderr).toContain("bad-purchases.csv row 2, field date: expected a date");
    expect(stderr).toContain("bad-purchases.csv row 3, field amount: expected an amount ≥ 0");
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("skips and reports bad rows with --lenient", () => {
    const bad = join(files.dir, "lenient.csv");
    writeFileSync(bad, "customerId,date,amount\nc1,2026-01-01,10\nc2,yesterday,5\n");
    const { code, stderr } = cli("rank", "--purchases", bad, "--lenient");
    expect(code).toBe(0);
    expect(stderr).toContain("skipped: lenient.csv row 2, field date");
  });

  it("exits 2 with a clear message for a missing file, an unknown option or a bad format", () => {
    expect(cli("rank", "--purchases", "nope.csv")).toMatchObject({ code: 2, stderr: expect.stringContaining("nope.csv: file not found") });
    expect(cli("rank", "--bogus").code).toBe(2);
    expect(cli("rank", ...dataArgs, "--format", "xml")).toMatchObject({ code: 2, stderr: expect.stringContaining("--format expects") });
    expect(cli("help").stdout).toContain("Usage:");
  });
});

describe("brand-advocates report", () => {
  it("writes a self-contained HTML report", () => {
    const out = join(files.dir, "report.html");
    const { code, stdout } = cli("report", ...dataArgs, "--out", out);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^wrote .*report\.html \(\d+ KB\)/);
    const html = readFileSync(out, "utf8");
    expect(html.startsWith("<!DOCTYPE html>") || html.startsWith("<!doctype html>")).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect((html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(3);
    expect(cli("report", ...dataArgs)).toMatchObject({ code: 2, stderr: expect.stringContaining("--out") });
  });
});

describe("brand-advocates fit and udf: the warehouse path from the command line", () => {
  it("fits a model to the files and turns it into a warehouse scoring function", () => {
    const model = join(files.dir, "model.json");
    const fitted = cli("fit", ...dataArgs, "--out", model);
    expect(fitted.code).toBe(0);
    expect(fitted.stdout).toMatch(/a model fitted on 304 customers as of 2026-06-30/);
    expect(JSON.parse(readFileSync(model, "utf8"))).toMatchObject({ format: "brand-advocates/model", population: 304 });

    const snowflake = cli("udf", "--model", model, "--dialect", "snowflake");
    expect(snowflake.code).toBe(0);
    expect(snowflake.stdout).toMatch(/CREATE OR REPLACE FUNCTION score_advocate/);
    expect(snowflake.stdout).toMatch(/LANGUAGE JAVASCRIPT/);

    const js = join(files.dir, "score.js");
    const bigquery = cli("udf", "--model", model, "--dialect", "bigquery", "--library", "gs://bucket/score.js", "--out-js", js);
    expect(bigquery.code).toBe(0);
    expect(bigquery.stdout).toContain("gs://bucket/score.js");
    expect(readFileSync(js, "utf8")).toContain("brandAdvocatesUdf");

    expect(cli("udf", "--model", model, "--dialect", "duckdb")).toMatchObject({ code: 2, stderr: expect.stringContaining("--dialect") });
    expect(cli("udf", "--model", join(files.dir, "missing.json"), "--dialect", "snowflake")).toMatchObject({ code: 2 });
  });
});
