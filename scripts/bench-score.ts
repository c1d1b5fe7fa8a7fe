/**
 * Benchmark of the per-customer call, `score(profile, model)`: builds the seeded synthetic population (see
 * `synthetic-population.ts`), profiles and fits it beforehand (not timed), then times scoring every customer —
 * warm-up passes first, then several timed passes, reporting the median. It times the source (as tsx runs it, with
 * its `__name` wrappers) and the built package (`dist/index.js`, what users run; `npm run build` first), plus the
 * bundled sample, whose model takes the BG/NBD path the synthetic population (degenerate for BG/NBD) does not.
 * A script, not a test: timings vary by machine.
 *
 *   npx tsx scripts/bench-score.ts            # 100k synthetic customers
 *   npx tsx scripts/bench-score.ts 20000 15   # 20k customers, 15 timed passes
 *   taskset -c 0 npx tsx scripts/bench-score.ts   # pinned to one core (GC helper threads included)
 */
import { existsSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { fitModelToProfiles, loadData, prepareProfiles, resolveOptions, score, type AdvocateModel, type CustomerProfile } from "../src/index.js";
import { population } from "./synthetic-population.js";

type Score = (profile: CustomerProfile, model: AdvocateModel) => { readonly advocate: number };

const WARM_UP_PASSES = 3;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * Customers per second of one pass over every profile, by the wall clock and by the process's CPU time (the
 * machine may be shared: CPU time is what the pass itself used, GC helper threads included); the checksum keeps
 * the work from being optimised away.
 */
function pass(scoreOne: Score, profiles: readonly CustomerProfile[], model: AdvocateModel): { wall: number; cpu: number; checksum: number } {
  let checksum = 0;
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  for (const profile of profiles) checksum += scoreOne(profile, model).advocate;
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  return { wall: profiles.length / seconds, cpu: profiles.length / ((cpu.user + cpu.system) / 1e6), checksum };
}

function timeScore(label: string, scoreOne: Score, profiles: readonly CustomerProfile[], model: AdvocateModel, passes: number): void {
  for (let index = 0; index < WARM_UP_PASSES; index += 1) pass(scoreOne, profiles, model);
  const wall: number[] = [];
  const cpu: number[] = [];
  let checksum = 0;
  for (let index = 0; index < passes; index += 1) {
    const result = pass(scoreOne, profiles, model);
    wall.push(result.wall);
    cpu.push(result.cpu);
    checksum = result.checksum;
  }
  const format = (rate: number): string => Math.round(rate).toLocaleString("en-US").padStart(9);
  console.log(`| ${label.padEnd(32)} | ${format(median(wall))} | ${format(Math.min(...wall))} – ${format(Math.max(...wall))} | ${format(median(cpu))} | ${checksum.toFixed(6)} |`);
}

const [customersArg, passesArg] = process.argv.slice(2).map(Number);
const customers = Number.isInteger(customersArg) && (customersArg as number) > 0 ? (customersArg as number) : 100_000;
const passes = Number.isInteger(passesArg) && (passesArg as number) > 0 ? (passesArg as number) : 9;

const machine = cpus();
console.log(`## score() benchmark — ${machine.length} cores (${machine[0]?.model ?? "unknown CPU"}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
console.log(`load average ${loadavg().map((load) => load.toFixed(2)).join(", ")} (above the core count, other work competes: trust the CPU-time column)`);

const options = resolveOptions({ asOf: "2026-06-30" });
const prepared = prepareProfiles(population(customers), options);
const syntheticModel = fitModelToProfiles(prepared.profiles, prepared.asOfDay, options);
const syntheticProfiles = [...prepared.profiles.values()];
const built = fileURLToPath(new URL("../dist/index.js", import.meta.url));
const dist = existsSync(built) ? ((await import(built)) as { score: Score }) : undefined;
const header = "| what | customers/s, wall (median) | wall, min – max | customers/s of CPU time (median) | checksum |\n| --- | --- | --- | --- | --- |";

console.log(`\n### ${customers.toLocaleString("en-US")} synthetic customers (loyalty: ${syntheticModel.loyalty.method}), median of ${passes} passes after ${WARM_UP_PASSES} warm-up\n`);
console.log(header);
timeScore("source (tsx)", score, syntheticProfiles, syntheticModel, passes);
if (dist !== undefined) timeScore("built package (dist)", dist.score, syntheticProfiles, syntheticModel, passes);

// Loaded after the synthetic timings: fitting and scoring other data shapes makes the same code polymorphic.
const dataDir = fileURLToPath(new URL("../examples/data/", import.meta.url));
const { data: sampleData, sourceNames } = await loadData({
  customers: `${dataDir}customers.csv`,
  purchases: `${dataDir}purchases.csv`,
  surveys: `${dataDir}surveys.csv`,
  social: `${dataDir}social.csv`,
});
const sampleOptions = resolveOptions({ sourceNames });
const sample = prepareProfiles(sampleData, sampleOptions);
const sampleModel = fitModelToProfiles(sample.profiles, sample.asOfDay, sampleOptions);
const sampleProfiles = [...sample.profiles.values()];
console.log(`\n### The bundled sample, ${sampleProfiles.length.toLocaleString("en-US")} customers (loyalty: ${sampleModel.loyalty.method}), median of ${passes * 5} passes\n`);
console.log(header);
timeScore("source (tsx)", score, sampleProfiles, sampleModel, passes * 5);
if (dist !== undefined) timeScore("built package (dist)", dist.score, sampleProfiles, sampleModel, passes * 5);
if (dist === undefined) console.log("\n(dist/index.js not found: run `npm run build` to time the built package too)");
