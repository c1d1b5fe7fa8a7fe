/**
 * Benchmark of the per-customer call, `score(profile, model)`: builds the seeded synthetic population (see
 * `synthetic-population.ts`), profiles and fits it beforehand (not timed), then times scoring every customer —
 * warm-up passes first, then several timed passes, reporting the median. It times the source (as tsx runs it, with
 * its `__name` wrappers) and the built package (`dist/index.js`, what users run; `npm run build` first), plus the
 * bundled sample, whose model takes the BG/NBD path (the synthetic population is degenerate for BG/NBD and falls
 * back to RFM percentiles).
 * A script, not a test: timings vary by machine.
 *
 *   npx tsx scripts/bench-score.ts            # 100k synthetic customers
 *   npx tsx scripts/bench-score.ts 20000 15   # 20k customers, 15 timed passes
 *   npx tsx scripts/bench-score.ts 100000 9 dist   # only the built package ("source": only the source)
 *   taskset -c 0 npx tsx scripts/bench-score.ts   # pinned to one core (GC helper threads included)
 */
import { existsSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { median } from "simple-statistics";
import * as source from "../src/index.js";
import type { AdvocateModel, CustomerProfile } from "../src/index.js";
import { population } from "./synthetic-population.js";

type Score = (profile: CustomerProfile, model: AdvocateModel) => { readonly advocate: number };
type Library = Pick<typeof source, "loadData" | "resolveOptions" | "prepareProfiles" | "fitModelToProfiles" | "score">;

const WARM_UP_PASSES = 3;

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

const [customersArg, passesArg] = process.argv.slice(2, 4).map(Number);
const only = process.argv[4];
const customers = Number.isInteger(customersArg) && (customersArg as number) > 0 ? (customersArg as number) : 100_000;
const passes = Number.isInteger(passesArg) && (passesArg as number) > 0 ? (passesArg as number) : 9;

const machine = cpus();
console.log(`## score() benchmark — ${machine.length} cores (${machine[0]?.model ?? "unknown CPU"}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
console.log(`load average ${loadavg().map((load) => load.toFixed(2)).join(", ")} (above the core count, other work competes: trust the CPU-time column)`);

const header = "| what | customers/s, wall (median) | wall, min – max | customers/s of CPU time (median) | checksum |\n| --- | --- | --- | --- | --- |";
const implementations: Array<[label: string, library: Library]> = [];
if (only !== "dist") implementations.push(["source (tsx)", source]);
const built = fileURLToPath(new URL("../dist/index.js", import.meta.url));
if (only !== "source" && existsSync(built)) implementations.push(["built package (dist)", (await import(built)) as Library]);

// Each implementation profiles and fits with its own code before its score() is timed, as a user's process does:
// fitting and scoring share helpers, and what V8 learns while fitting shapes how scoring runs.
const records = population(customers);
console.log(`\n### ${customers.toLocaleString("en-US")} synthetic customers, median of ${passes} passes after ${WARM_UP_PASSES} warm-up\n`);
console.log(header);
for (const [label, library] of implementations) {
  const options = library.resolveOptions({ asOf: "2026-06-30" });
  const prepared = library.prepareProfiles(records, options);
  const model = library.fitModelToProfiles(prepared.profiles, prepared.asOfDay, options);
  timeScore(`${label}, loyalty ${model.loyalty.method}`, library.score, [...prepared.profiles.values()], model, passes);
}

const dataDir = fileURLToPath(new URL("../examples/data/", import.meta.url));
const files = { customers: `${dataDir}customers.csv`, purchases: `${dataDir}purchases.csv`, surveys: `${dataDir}surveys.csv`, social: `${dataDir}social.csv` };
console.log(`\n### The bundled sample (examples/data), median of ${passes * 5} passes\n`);
console.log(header);
for (const [label, library] of implementations) {
  const { data, sourceNames } = await library.loadData(files);
  const options = library.resolveOptions({ sourceNames });
  const prepared = library.prepareProfiles(data, options);
  const model = library.fitModelToProfiles(prepared.profiles, prepared.asOfDay, options);
  timeScore(`${label}, loyalty ${model.loyalty.method}`, library.score, [...prepared.profiles.values()], model, passes * 5);
}
if (only === undefined && implementations.length === 1) console.log("\n(dist/index.js not found: run `npm run build` to time the built package too)");
