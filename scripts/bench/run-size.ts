/**
 * One benchmark run, in its own process (so its peak RSS is its own): reads a population's CSV files end to end with
 * the built package — profileFiles on worker threads, then rankProfiles — then times fitting, scoring and ranking
 * apart on the same profiles, and prints one JSON line of figures. Run by `bench.ts`.
 *
 *   node --import tsx scripts/bench/run-size.ts <folder of CSVs> [asOf|latest] [--shares] [--read-only] [--purchases-only]
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { median } from "simple-statistics";
import * as lib from "../../dist/index.js";
import { cpuShares } from "./cpu-shares.js";

const [folder, asOf = "2026-06-30", ...flags] = process.argv.slice(2);
if (folder === undefined) throw new Error("usage: run-size.ts <folder> [asOf] [--shares]");
const kinds = flags.includes("--purchases-only") ? ["purchases"] : ["customers", "purchases", "surveys", "social"];
const files = Object.fromEntries(kinds.map((kind) => [kind, join(folder, `${kind}.csv`)] as const).filter(([, path]) => existsSync(path))) as lib.DataFileSets;

const seconds = (from: number) => (performance.now() - from) / 1000;
const options = lib.resolveOptions({ asOf: asOf === "latest" ? undefined : asOf, top: 100 });
const stages: Array<[string, number]> = [];

// End to end: the job the CLI's rank command does.
let start = performance.now();
const prepared = await lib.profileFiles(files, options, { onStage: (stage, ms) => stages.push([stage, ms / 1000]) });
const read = seconds(start);
if (flags.includes("--read-only")) {
  console.log(JSON.stringify({ customers: prepared.profiles.size, read, stages, peakRssMiB: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}
const ranked = lib.rankProfiles(prepared, options);
const endToEnd = seconds(start);
// The process's peak so far is the end-to-end job's; the stage-by-stage runs below may raise it.
const endToEndPeakRssMiB = process.resourceUsage().maxRSS / 1024;

// The same profiles, stage by stage.
start = performance.now();
const model = lib.fitModelToProfiles(prepared.profiles, prepared.asOfDay, options);
const fit = seconds(start);
start = performance.now();
let checksum = 0;
for (const profile of prepared.profiles.values()) checksum += lib.score(profile, model).advocate;
const materialiseAndScore = seconds(start);
start = performance.now();
lib.rankProfiles(prepared, options, model);
const scoreAndRank = seconds(start);

// score() alone, one core, on profiles built beforehand (what a service calling it per customer sees).
const sample: lib.CustomerProfile[] = [];
for (const profile of prepared.profiles.values()) {
  sample.push(profile);
  if (sample.length === 100_000) break;
}
const rates: number[] = [];
for (let pass = 0; pass < 7; pass += 1) {
  const cpu = process.cpuUsage();
  for (const profile of sample) checksum += lib.score(profile, model).advocate;
  const used = process.cpuUsage(cpu);
  if (pass >= 2) rates.push(sample.length / ((used.user + used.system) / 1e6));
}

const report: Record<string, unknown> = {
  customers: prepared.profiles.size,
  excluded: prepared.excluded,
  advocates: ranked.advocates.length,
  loyaltyMethod: model.loyalty.method,
  voiceModel: model.voice.model.method,
  stages,
  read,
  endToEnd,
  fit,
  materialiseAndScore,
  scoreAndRank,
  scorePerCpuSecond: median(rates),
  endToEndPeakRssMiB,
  peakRssMiB: process.resourceUsage().maxRSS / 1024,
  checksum,
};

if (flags.includes("--shares")) {
  // Where the reading time goes, on one thread (no workers, so every sample is of the reading itself).
  const { shares } = await cpuShares(() => lib.profileFiles(files, options, { workers: 0 }));
  report.shares = shares;
}
console.log(JSON.stringify(report));
