/**
 * Benchmark (a script, not a test: timings depend on the machine). For each size it writes a seeded synthetic
 * population as CSV exports (customers, ~10 purchases, ~1 survey and ~3 social events per customer; cached in
 * bench-data/), then runs the built package on them in a fresh process: end to end from the CSV files (read,
 * validate and profile on worker threads, merge, fit, score, rank), then each stage apart, with peak RSS. It also
 * runs the real purchase logs end to end, times the same per-customer aggregation (recency, frequency, monetary) in
 * DuckDB on the same purchases file, and says where one thread's reading time goes (zod's share among it).
 *
 *   npm run bench                      # 100k and 1M customers (the 1M files take a few minutes to write once)
 *   npx tsx scripts/bench.ts 100000    # chosen sizes
 *
 * Prints Markdown tables and writes the figures to bench-data/bench-results.json.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, totalmem } from "node:os";
import { join } from "node:path";
import { duckdbRfm } from "./bench/duckdb-rfm.js";
import { realPurchaseFiles } from "./bench/real-data-csv.js";
import { syntheticPopulation } from "./bench/synthetic-csv.js";

const ROOT = "bench-data";
const sizes = process.argv.slice(2).map(Number).filter((size) => Number.isInteger(size) && size > 0);

interface RunReport {
  customers: number;
  read: number;
  endToEnd: number;
  fit: number;
  materialiseAndScore: number;
  scoreAndRank: number;
  scorePerCpuSecond: number;
  /** Peak RSS of the end-to-end job alone (before the stage-by-stage reruns). */
  endToEndPeakRssMiB: number;
  /** Peak RSS of the whole measuring process. */
  peakRssMiB: number;
  stages: Array<[string, number]>;
  shares?: Array<[string, number]>;
  loyaltyMethod: string;
  voiceModel: string;
}

/** Runs one measurement in a fresh Node process (its peak RSS is its own) and returns its JSON line. */
function measure(folder: string, ...args: string[]): RunReport {
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/bench/run-size.ts", folder, ...args], { encoding: "utf8", maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`benchmark run failed for ${folder}:\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split("\n").pop() as string) as RunReport;
}

const rate = (count: number, seconds: number) => Math.round(count / seconds).toLocaleString("en-US");
const s = (seconds: number) => `${seconds.toFixed(1)} s`;
const stage = (report: RunReport, name: string) => report.stages.find(([label]) => label.startsWith(name))?.[1] ?? 0;

const machine = `${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? "unknown CPU"}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}`;
console.log(`## brand-advocates benchmark\n\nMachine: ${machine}. Built package (dist/), worker threads: one per core.\n`);
const results: Record<string, unknown> = { machine, date: new Date().toISOString().slice(0, 10), synthetic: [], real: [], duckdb: [] };

const table: string[] = ["| stage | size | time | throughput |", "| --- | --- | --- | --- |"];
for (const customers of sizes.length > 0 ? sizes : [100_000, 1_000_000]) {
  const { folder, files } = await syntheticPopulation(ROOT, customers);
  const report = measure(folder, "2026-06-30", ...(customers <= 100_000 ? ["--shares"] : []));
  const records = countRecords(files);
  const label = `${(customers / 1000).toLocaleString("en-US")}k customers, ${(records / 1e6).toFixed(1)}M records`;
  const readStages = stage(report, "read customer") + stage(report, "read purchase");
  table.push(
    `| read + validate + profile (worker threads) | ${label} | ${s(readStages)} | ${rate(records, readStages)} records/s |`,
    `| merge into profiles | ${label} | ${s(stage(report, "merge"))} | ${rate(report.customers, stage(report, "merge"))} customers/s |`,
    `| fit (${report.loyaltyMethod}, voice ${report.voiceModel}) | ${label} | ${s(report.fit)} | ${rate(report.customers, report.fit)} customers/s |`,
    `| score (build each profile + score(), one core) | ${label} | ${s(report.materialiseAndScore)} | ${rate(report.customers, report.materialiseAndScore)} customers/s |`,
    `| rank (score + segments + top 100) | ${label} | ${s(report.scoreAndRank)} | ${rate(report.customers, report.scoreAndRank)} customers/s |`,
    `| **end to end from CSV** | ${label} | **${s(report.endToEnd)}** | peak RSS ${Math.round(report.endToEndPeakRssMiB).toLocaleString("en-US")} MiB |`,
    `| score() alone, profiles built beforehand, one core | ${label} | | ${rate(report.scorePerCpuSecond, 1)} customers per CPU-second |`,
  );
  (results.synthetic as unknown[]).push({ size: customers, records, ...report });

  // DuckDB on the same purchases file against the library reading just that file.
  const ours = measure(folder, "2026-06-30", "--read-only", "--purchases-only");
  const duck = await duckdbRfm(files.purchases as string, availableParallelism());
  (results.duckdb as unknown[]).push({ customers, librarySeconds: ours.read, duckdbSeconds: duck.seconds, ratio: ours.read / duck.seconds });
  table.push(`| purchases only: library profiles vs DuckDB RFM | ${label} | ${s(ours.read)} vs ${s(duck.seconds)} | **${(ours.read / duck.seconds).toFixed(1)}× DuckDB** |`);
  if (report.shares !== undefined) {
    const share = (name: string) => report.shares?.filter(([category]) => category.includes(name)).reduce((sum, [, value]) => sum + value, 0) ?? 0;
    console.log(
      `Where one thread's reading time goes (${label}): CSV parsing (papaparse) ${pct(share("papaparse"))}, validation ${pct(share("schema/") + share("zod"))} (zod itself ${pct(share("zod"))}), profiling ${pct(share("profile/"))}, text analysis ${pct(share("sentiment") + share("text/"))}, chunking and I/O ${pct(share("io/") + share("(node)"))}, garbage collection and runtime ${pct(share("(runtime"))}.\n`,
    );
  }
}

for (const { name, folder, rows } of realPurchaseFiles(ROOT)) {
  const report = measure(folder, "latest");
  (results.real as unknown[]).push({ name, rows, ...report });
  table.push(`| **end to end from CSV**: ${name} | ${rows.toLocaleString("en-US")} real purchases, ${report.customers.toLocaleString("en-US")} customers | **${s(report.endToEnd)}** | ${rate(rows, report.endToEnd)} records/s, peak RSS ${Math.round(report.endToEndPeakRssMiB)} MiB |`);
}

console.log(table.join("\n"));
writeFileSync(join(ROOT, "bench-results.json"), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nFigures written to ${join(ROOT, "bench-results.json")}.`);

function pct(share: number): string {
  return `${Math.round(share * 100)} %`;
}

/** Records in the files: lines less the header (the synthetic files quote no newline). */
function countRecords(files: Record<string, string>): number {
  let records = 0;
  for (const path of Object.values(files)) {
    const bytes = readFileSync(path);
    for (let at = bytes.indexOf(10); at >= 0; at = bytes.indexOf(10, at + 1)) records += 1;
    records -= 1;
  }
  return records;
}
