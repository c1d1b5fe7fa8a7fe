#!/usr/bin/env node
import { readFile, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { armAdvocates } from "../arm/arm-advocates.js";
import { kitMarkdown } from "../arm/kit-markdown.js";
import { explainCustomer } from "../io/explain-customer.js";
import { kitsCsv } from "../io/kits-csv.js";
import { fitModelToProfiles } from "../model/fit-model.js";
import { score } from "../model/score.js";
import { backtestProfiles, backtestSplit } from "../pipeline/backtest.js";
import { MissingChartingError, renderReport, type ReportBacktest } from "../report/index.js";
import { resolveOptions, type AdvocateOptionsInput } from "../schema/options.js";
import { advocatesCsv } from "../io/advocates-csv.js";
import { advocatesTable } from "../io/advocates-table.js";
import { profileFiles, type DataFileSets } from "../io/profile-files.js";
import { InputFileError, readRecords } from "../io/read-records.js";
import { rankProfiles } from "../pipeline/identify-advocates.js";
import type { AdvocateModel } from "../model/advocate-model.js";
import { scoringUdf } from "../warehouse/scoring-udf.js";
import { formatProblem } from "../schema/problem.js";
import { ValidationError } from "../schema/validation-error.js";
import { USAGE } from "./usage.js";

/** Bad usage or bad input: reported in one message, exit code 2, never a stack trace. */
class UsageError extends Error {
  override readonly name = "UsageError";
}

const OPTIONS = {
  customers: { type: "string", multiple: true },
  purchases: { type: "string", multiple: true },
  surveys: { type: "string", multiple: true },
  social: { type: "string", multiple: true },
  facts: { type: "string" },
  top: { type: "string" },
  format: { type: "string" },
  "as-of": { type: "string" },
  lenient: { type: "boolean" },
  "require-consent": { type: "boolean" },
  "cooldown-days": { type: "string" },
  "criticism-text": { type: "string" },
  platform: { type: "string" },
  topic: { type: "string" },
  brand: { type: "string" },
  incentive: { type: "string" },
  "max-per-thread": { type: "string" },
  "split-date": { type: "string" },
  out: { type: "string" },
  k: { type: "string" },
  workers: { type: "string" },
  model: { type: "string" },
  dialect: { type: "string" },
  library: { type: "string" },
  function: { type: "string" },
  "out-js": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>["values"];

/** Progress on long work goes to stderr, and only to a terminal: piped or logged runs stay clean. */
function progress(message: string): void {
  if (process.stderr.isTTY) process.stderr.write(`… ${message}\n`);
}

function wholeNumber(values: Values, name: "top" | "cooldown-days" | "max-per-thread" | "k" | "workers"): number | undefined {
  const text = values[name];
  if (text === undefined) return undefined;
  const parsed = Number(text);
  if (!Number.isInteger(parsed) || parsed < 0) throw new UsageError(`--${name} expects a whole number, got "${text}"`);
  return parsed;
}

/** The data files given on the command line (a flag given twice names two files of that kind). */
function dataFiles(values: Values): DataFileSets {
  return { customers: values.customers, purchases: values.purchases, surveys: values.surveys, social: values.social };
}

/** Reads, validates and profiles the data files: streamed in chunks, on worker threads when they are large. */
function readProfiles(values: Values, options: AdvocateOptionsInput) {
  progress("reading, validating and profiling the files");
  const workers = wholeNumber(values, "workers");
  return profileFiles(dataFiles(values), options, { workers: workers ?? "auto", onStage: (stage, ms) => progress(`${stage}: ${(ms / 1000).toFixed(1)} s`) });
}

/** The ranking options the commands share. */
function rankingOptions(values: Values, top?: number): AdvocateOptionsInput {
  return {
    mode: values.lenient ? "lenient" : "strict",
    asOf: values["as-of"],
    top,
    requireConsent: values["require-consent"] ?? false,
    cooldownDays: wholeNumber(values, "cooldown-days"),
  };
}

async function rankCommand(values: Values): Promise<{ output: string; notes: string[] }> {
  const options = resolveOptions(rankingOptions(values, wholeNumber(values, "top") ?? 20));
  const prepared = await readProfiles(values, options);
  progress("fitting, scoring and ranking");
  const result = rankProfiles(prepared, options);
  const notes = [
    `as of ${result.asOf}: ${result.scored} customers scored, ${result.advocates.length} listed; excluded ${JSON.stringify(result.excluded)}`,
    ...result.warnings.map((warning) => `warning: ${warning}`),
    ...result.problems.map((problem) => `skipped: ${formatProblem(problem)}`),
  ];
  const format = values.format ?? "table";
  if (format === "json") return { output: JSON.stringify({ ...result, model: undefined }, null, 2), notes };
  if (format === "csv") return { output: advocatesCsv(result.advocates).trimEnd(), notes };
  if (format === "table") return { output: advocatesTable(result.advocates), notes };
  throw new UsageError(`--format expects table, csv or json, got "${format}"`);
}

async function armCommand(values: Values): Promise<{ output: string; notes: string[] }> {
  if (values["criticism-text"] === undefined || values.platform === undefined) {
    throw new UsageError("arm needs --criticism-text and --platform");
  }
  const options = resolveOptions(rankingOptions(values, wholeNumber(values, "top") ?? 100));
  const ranked = rankProfiles(await readProfiles(values, options), options);
  const facts = values.facts === undefined ? [] : ((await readRecords(values.facts)) as Record<string, unknown>[]);
  const result = armAdvocates(
    ranked.advocates,
    { platform: values.platform, text: values["criticism-text"], topic: values.topic },
    { brand: values.brand ?? "the brand", facts, incentive: values.incentive, maxPerThread: wholeNumber(values, "max-per-thread") },
  );
  const notes = [
    `topics: ${result.topics.join(", ") || "none"}; ${result.kits.length} kits; ${result.notOnPlatform} advocates not on ${result.criticism.platform}; ${result.overCap} over the per-thread cap`,
    ...result.alerts.map((alert) => `alert (not on ${result.criticism.platform}): ${alert.customerId}, score ${alert.score}, active on ${alert.platforms.join(", ") || "no platform"}`),
  ];
  const format = values.format ?? "markdown";
  if (format === "json") return { output: JSON.stringify(result, null, 2), notes };
  if (format === "markdown") return { output: result.kits.map((kit) => kitMarkdown(kit, result)).join("\n---\n\n"), notes };
  if (format === "csv") return { output: kitsCsv(result).trimEnd(), notes };
  throw new UsageError(`--format expects markdown, csv or json, got "${format}"`);
}

async function explainCommand(values: Values, customerId: string | undefined): Promise<{ output: string; notes: string[] }> {
  if (customerId === undefined) throw new UsageError("explain needs a customer ID: brand-advocates explain <customerId> [data files]");
  const options = resolveOptions(rankingOptions(values));
  const prepared = await readProfiles(values, options);
  progress("fitting");
  const profile = prepared.profiles.get(customerId);
  if (profile === undefined) {
    throw new UsageError(`customer ${JSON.stringify(customerId)} is not in the data (or was excluded before profiling: opted out, no consent, invited recently)`);
  }
  const model = fitModelToProfiles(prepared.profiles, prepared.asOfDay, options);
  return { output: explainCustomer(score(profile, model)), notes: [`as of ${model.asOf}`] };
}

async function reportCommand(values: Values): Promise<{ output: string; notes: string[] }> {
  if (values.out === undefined) throw new UsageError("report needs --out report.html");
  const options = rankingOptions(values, wholeNumber(values, "top"));
  const listing = resolveOptions(options);
  const prepared = await readProfiles(values, listing);
  progress("ranking");
  const result = rankProfiles(prepared, listing);
  // The scatter shows everyone scored, not only those who cleared the minimums: same profiles, no minimums.
  const everyone = rankProfiles(prepared, resolveOptions({ ...options, top: undefined, minimum: { loyalty: 0, commitment: 0, voice: 0 } }));
  let lifts: ReportBacktest | undefined;
  if (values["split-date"] !== undefined) {
    progress("backtesting");
    const tested = await runBacktest(values);
    lifts = { k: tested.k, precisionAtK: tested.advocateRanking.precisionAtK, liftOverRandom: tested.liftOverRandom ?? Number.NaN, liftOverNps: tested.liftOverNps ?? Number.NaN };
  }
  progress("rendering charts");
  const html = await renderReport(result, { population: everyone.advocates, backtest: lifts });
  await writeFile(values.out, html);
  return { output: `wrote ${values.out} (${Math.round(html.length / 1024)} KB)`, notes: [] };
}

/** A backtest of the data files, split at --split-date (the files are read as of that day). */
async function runBacktest(values: Values) {
  const backtestOptions = { mode: values.lenient ? ("lenient" as const) : ("strict" as const), splitDate: values["split-date"] as string, k: wholeNumber(values, "k") };
  const { options } = backtestSplit(backtestOptions);
  return backtestProfiles(await readProfiles(values, options), backtestOptions);
}

async function fitCommand(values: Values): Promise<{ output: string; notes: string[] }> {
  if (values.out === undefined) throw new UsageError("fit needs --out model.json");
  const options = resolveOptions(rankingOptions(values));
  const prepared = await readProfiles(values, options);
  progress("fitting");
  const model = fitModelToProfiles(prepared.profiles, prepared.asOfDay, options);
  await writeFile(values.out, `${JSON.stringify(model, null, 2)}\n`);
  return { output: `wrote ${values.out}: a model fitted on ${model.population} customers as of ${model.asOf}`, notes: model.commitment.warnings.map((warning) => `warning: ${warning}`) };
}

async function udfCommand(values: Values): Promise<{ output: string; notes: string[] }> {
  if (values.model === undefined) throw new UsageError("udf needs --model model.json (from brand-advocates fit)");
  const dialect = values.dialect;
  if (dialect !== "bigquery" && dialect !== "snowflake") throw new UsageError(`--dialect expects bigquery or snowflake, got "${dialect ?? ""}"`);
  let model: AdvocateModel;
  try {
    model = JSON.parse(await readFile(values.model, "utf8")) as AdvocateModel;
  } catch (error) {
    throw new InputFileError(values.model, error instanceof SyntaxError ? "not valid JSON" : "cannot be read");
  }
  let udf;
  try {
    udf = scoringUdf(model, { dialect, library: values.library, functionName: values.function });
  } catch (error) {
    if (error instanceof TypeError) throw new UsageError(`${values.model}: ${error.message}`);
    throw error;
  }
  const notes: string[] = [];
  if (values["out-js"] !== undefined) {
    await writeFile(values["out-js"], udf.javascript);
    notes.push(`wrote ${values["out-js"]} (${Math.round(udf.javascript.length / 1024)} KB): upload it where the SQL's library option points`);
  }
  return { output: udf.sql.trimEnd(), notes };
}

async function backtestCommand(values: Values): Promise<{ output: string; notes: string[] }> {
  if (values["split-date"] === undefined) throw new UsageError("backtest needs --split-date YYYY-MM-DD");
  const result = await runBacktest(values);
  if ((values.format ?? "table") === "json") return { output: JSON.stringify(result, null, 2), notes: [] };
  const lift = (value: number | undefined) => (value === undefined ? "n/a" : `${value.toFixed(2)}×`);
  const output = [
    `Backtest: ranked as of ${result.splitDate}, outcomes read to ${result.endDate}`,
    `${result.customers} customers ranked; ${result.positives} defended the brand or posted favourably about it afterwards (base rate ${(result.baseRate * 100).toFixed(1)} %)`,
    `precision@${result.k}: advocate ranking ${result.advocateRanking.precisionAtK.toFixed(3)} (${result.advocateRanking.hits} hits), NPS-only ${result.npsRanking.precisionAtK.toFixed(3)} (${result.npsRanking.hits} hits)`,
    `lift@${result.k}: ${lift(result.liftOverRandom)} over random, ${lift(result.liftOverNps)} over NPS-only`,
  ].join("\n");
  return { output, notes: [] };
}

/**
 * Runs the CLI with the given arguments and returns the exit code; output goes to stdout, notes and errors to stderr.
 *
 * @example
 * process.exitCode = await runCli(["rank", "--purchases", "purchases.csv", "--top", "10"]);
 */
export async function runCli(argv: readonly string[]): Promise<number> {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
    const command = positionals[0] ?? "help";
    if (values.help || command === "help") {
      process.stdout.write(USAGE);
      return 0;
    }
    const commands: Record<string, () => Promise<{ output: string; notes: string[] }>> = {
      report: () => reportCommand(values),
      rank: () => rankCommand(values),
      arm: () => armCommand(values),
      explain: () => explainCommand(values, positionals[1]),
      backtest: () => backtestCommand(values),
      fit: () => fitCommand(values),
      udf: () => udfCommand(values),
    };
    const run = Object.hasOwn(commands, command) ? commands[command] : undefined;
    if (run === undefined) throw new UsageError(`unknown command "${command}"`);
    const { output, notes } = await run();
    process.stdout.write(`${output}\n`);
    for (const note of notes) process.stderr.write(`${note}\n`);
    return 0;
  } catch (error) {
    if (
      error instanceof ValidationError ||
      error instanceof InputFileError ||
      error instanceof UsageError ||
      error instanceof RangeError ||
      error instanceof MissingChartingError
    ) {
      process.stderr.write(`brand-advocates: ${error.message}\n`);
      if (error instanceof UsageError) process.stderr.write("Run 'brand-advocates help' for usage.\n");
      return 2;
    }
    if (error instanceof TypeError && (error as NodeJS.ErrnoException).code?.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`brand-advocates: ${error.message}\nRun 'brand-advocates help' for usage.\n`);
      return 2;
    }
    process.stderr.write(`brand-advocates: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

process.exitCode = await runCli(process.argv.slice(2));
