#!/usr/bin/env node
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { armAdvocates } from "../arm/arm-advocates.js";
import { kitMarkdown } from "../arm/kit-markdown.js";
import { explainCustomer } from "../io/explain-customer.js";
import { kitsCsv } from "../io/kits-csv.js";
import { fitModelToProfiles } from "../model/fit-model.js";
import { score } from "../model/score.js";
import { backtest } from "../pipeline/backtest.js";
import { MissingChartingError, renderReport, type ReportBacktest } from "../report/index.js";
import { prepareProfiles } from "../profile/prepare-profiles.js";
import { resolveOptions } from "../schema/options.js";
import { advocatesCsv } from "../io/advocates-csv.js";
import { advocatesTable } from "../io/advocates-table.js";
import { loadData } from "../io/load-data.js";
import { InputFileError, readRecords } from "../io/read-records.js";
import { identifyAdvocates, rankProfiles } from "../pipeline/identify-advocates.js";
import { formatProblem } from "../schema/problem.js";
import { ValidationError } from "../schema/validation-error.js";
import { USAGE } from "./usage.js";

/** Bad usage or bad input: reported in one message, exit code 2, never a stack trace. */
class UsageError extends Error {
  override readonly name = "UsageError";
}

const OPTIONS = {
  customers: { type: "string" },
  purchases: { type: "string" },
  surveys: { type: "string" },
  social: { type: "string" },
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
  help: { type: "boolean", short: "h" },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>["values"];

/** Progress on long work goes to stderr, and only to a terminal: piped or logged runs stay clean. */
function progress(message: string): void {
  if (process.stderr.isTTY) process.stderr.write(`… ${message}\n`);
}

function wholeNumber(values: Values, name: "top" | "cooldown-days" | "max-per-thread" | "k"): number | undefined {
  const text = values[name];
  if (text === undefined) return undefined;
  const parsed = Number(text);
  if (!Number.isInteger(parsed) || parsed < 0) throw new UsageError(`--${name} expects a whole number, got "${text}"`);
  return parsed;
}

async function rankCommand(values: Values): Promise<{ output: string; notes: string[] }> {
  progress("reading files");
  const { data, sourceNames } = await loadData(values);
  progress("validating, profiling, fitting and ranking");
  const result = identifyAdvocates(data, {
    sourceNames,
    mode: values.lenient ? "lenient" : "strict",
    asOf: values["as-of"],
    top: wholeNumber(values, "top") ?? 20,
    requireConsent: values["require-consent"] ?? false,
    cooldownDays: wholeNumber(values, "cooldown-days"),
  });
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
  const { data, sourceNames } = await loadData(values);
  const ranked = identifyAdvocates(data, {
    sourceNames,
    mode: values.lenient ? "lenient" : "strict",
    asOf: values["as-of"],
    top: wholeNumber(values, "top") ?? 100,
  });
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
  progress("reading files");
  const { data, sourceNames } = await loadData(values);
  const options = resolveOptions({ sourceNames, mode: values.lenient ? "lenient" : "strict", asOf: values["as-of"] });
  progress("profiling and fitting");
  const prepared = prepareProfiles(data, options);
  const profile = prepared.profiles.get(customerId);
  if (profile === undefined) {
    throw new UsageError(`customer ${JSON.stringify(customerId)} is not in the data (or was excluded before profiling: opted out, no consent, invited recently)`);
  }
  const model = fitModelToProfiles(prepared.profiles, prepared.asOfDay, options);
  return { output: explainCustomer(score(profile, model)), notes: [`as of ${model.asOf}`] };
}

async function reportCommand(values: Values): Promise<{ output: string; notes: string[] }> {
  if (values.out === undefined) throw new UsageError("report needs --out report.html");
  progress("reading files");
  const { data, sourceNames } = await loadData(values);
  const options = { sourceNames, mode: values.lenient ? ("lenient" as const) : ("strict" as const), asOf: values["as-of"] };
  progress("ranking");
  const listing = resolveOptions({ ...options, top: wholeNumber(values, "top") });
  const prepared = prepareProfiles(data, listing);
  const result = rankProfiles(prepared, listing);
  // The scatter shows everyone scored, not only those who cleared the minimums: same profiles, no minimums.
  const everyone = rankProfiles(prepared, resolveOptions({ ...options, minimum: { loyalty: 0, commitment: 0, voice: 0 } }));
  let lifts: ReportBacktest | undefined;
  if (values["split-date"] !== undefined) {
    progress("backtesting");
    const tested = backtest(data, { sourceNames, mode: options.mode, splitDate: values["split-date"], k: wholeNumber(values, "k") });
    lifts = { k: tested.k, precisionAtK: tested.advocateRanking.precisionAtK, liftOverRandom: tested.liftOverRandom ?? Number.NaN, liftOverNps: tested.liftOverNps ?? Number.NaN };
  }
  progress("rendering charts");
  const html = await renderReport(result, { population: everyone.advocates, backtest: lifts });
  await writeFile(values.out, html);
  return { output: `wrote ${values.out} (${Math.round(html.length / 1024)} KB)`, notes: [] };
}

async function backtestCommand(values: Values): Promise<{ output: string; notes: string[] }> {
  if (values["split-date"] === undefined) throw new UsageError("backtest needs --split-date YYYY-MM-DD");
  progress("reading files");
  const { data, sourceNames } = await loadData(values);
  progress("ranking as of the split and reading outcomes after it");
  const result = backtest(data, { sourceNames, mode: values.lenient ? "lenient" : "strict", splitDate: values["split-date"], k: wholeNumber(values, "k") });
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
