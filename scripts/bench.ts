/**
 * Benchmark: times each pipeline stage on a seeded synthetic population and on real CDNOW transactions, and
 * reports throughput and peak memory with the machine's size. A script, not a test: timings vary by machine.
 *
 *   npm run bench                 # 10k and 100k synthetic customers, plus CDNOW
 *   npx tsx scripts/bench.ts 1000000
 */
import { cpus, totalmem } from "node:os";
import { performance } from "node:perf_hooks";
import {
  fitModelToProfiles,
  identifyAdvocates,
  prepareProfiles,
  resolveOptions,
  score,
  validateData,
} from "../src/index.js";
import { cdnowPurchases } from "../tests/fixtures/real-data.js";
import { population } from "./synthetic-population.js";

function time<T>(work: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = work();
  return { result, ms: performance.now() - start };
}

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

function row(stage: string, ms: number, items: number, unit: string): string {
  const perSecond = items / (ms / 1000);
  return `| ${stage.padEnd(26)} | ${ms.toFixed(0).padStart(8)} ms | ${Math.round(perSecond).toLocaleString("en-US").padStart(12)} ${unit}/s |`;
}

function benchSynthetic(customers: number): void {
  const data = population(customers);
  const records = data.purchases.length + data.surveys.length + data.social.length;
  const options = resolveOptions({ asOf: "2026-06-30" });
  console.log(`\n### ${customers.toLocaleString("en-US")} synthetic customers (${records.toLocaleString("en-US")} records)\n`);
  console.log("| stage | time | throughput |\n| --- | --- | --- |");
  const validation = time(() => validateData(data, options));
  console.log(row("validate", validation.ms, records, "records"));
  const prepared = time(() => prepareProfiles(data, options));
  console.log(row("validate + exclude + profile", prepared.ms, records, "records"));
  const model = time(() => fitModelToProfiles(prepared.result.profiles, prepared.result.asOfDay, options));
  console.log(row("fit", model.ms, customers, "customers"));
  const profiles = [...prepared.result.profiles.values()];
  const scoring = time(() => {
    let sum = 0;
    for (const profile of profiles) sum += score(profile, model.result).advocate;
    return sum;
  });
  console.log(row("score (one core)", scoring.ms, customers, "customers"));
  const whole = time(() => identifyAdvocates(data, { asOf: "2026-06-30", top: 100 }));
  console.log(row("identifyAdvocates, end to end", whole.ms, customers, "customers"));
}

function benchCdnow(): void {
  const purchases = cdnowPurchases();
  console.log(`\n### CDNOW master: ${purchases.length.toLocaleString("en-US")} real transactions\n`);
  console.log("| stage | time | throughput |\n| --- | --- | --- |");
  const whole = time(() => identifyAdvocates({ purchases }, { top: 100 }));
  console.log(row("identifyAdvocates, end to end", whole.ms, purchases.length, "records"));
}

const sizes = process.argv.slice(2).map(Number).filter((size) => Number.isInteger(size) && size > 0);
console.log(`## brand-advocates benchmark — ${cpus().length} cores (${cpus()[0]?.model ?? "unknown CPU"}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
for (const size of sizes.length > 0 ? sizes : [10_000, 100_000]) benchSynthetic(size);
benchCdnow();
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
console.log(`\nPeak RSS: ${(peakRss / 2 ** 20).toFixed(0)} MiB`);
