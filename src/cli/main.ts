#!/usr/bin/env node
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { armAdvocates } from "../arm/arm-advocates.js";
import { kitMarkdown } from "../arm/kit-markdown.js";
import { advocatesCsv } from "../io/advocates-csv.js";
import { advocatesTable } from "../io/advocates-table.js";
import { loadData } from "../io/load-data.js";
import { InputFileError, readRecords } from "../io/read-records.js";
import { identifyAdvocates } from "../pipeline/identify-advocates.js";
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
  help: { type: "boolean", short: "h" },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>["values"];

function wholeNumber(values: Values, name: "top" | "cooldown-days" | "max-per-thread"): number | undefined {
  const text = values[name];
  if (text === undefined) return undefined;
  const parsed = Number(text);
  if (!Number.isInteger(parsed) || parsed < 0) throw new UsageError(`--${name} expects a whole number, got "${text}"`);
  return parsed;
}

async function rankCommand(values: Values): Promise<{ output: string; notes: string[] }> {
  const { data, sourceNames } = await loadData(values);
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
  throw new UsageError(`--format expects markdown or json, got "${format}"`);
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
    if (command !== "rank" && command !== "arm") throw new UsageError(`unknown command "${command}"`);
    const { output, notes } = command === "rank" ? await rankCommand(values) : await armCommand(values);
    process.stdout.write(`${output}\n`);
    for (const note of notes) process.stderr.write(`${note}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ValidationError || error instanceof InputFileError || error instanceof UsageError || error instanceof RangeError) {
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
