/**
 * Benchmark of the Buy-'Til-You-Die models (src/loyalty/btyd): fits on real CDNOW (median of repeated runs) and
 * fit + scoring on seeded synthetic BG/NBD populations. A script, not a test: timings vary by machine.
 *
 *   npx tsx scripts/bench-btyd.ts            # 100k and 1M synthetic customers
 *   npx tsx scripts/bench-btyd.ts 200000     # custom sizes
 */
import { cpus, totalmem } from "node:os";
import { performance } from "node:perf_hooks";
import {
  expectedPurchases,
  fitBgNbd,
  fitGammaGamma,
  fitParetoNbd,
  probabilityAlive,
  simulateBgNbd,
} from "../src/loyalty/btyd/index.js";
import { cdnowSummary, cdnowSummaryWithSpend } from "../tests/loyalty/cdnow.js";

function median(values: number[]): number {
  const sorted = [...values].sort((u, v) => u - v);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function timeRuns(runs: number, warmup: number, run: () => unknown): number {
  for (let i = 0; i < warmup; i++) run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return median(times);
}

const rows: [string, string, string][] = [];
const add = (what: string, ms: number, note = "") => {
  rows.push([what, ms < 10 ? ms.toFixed(2) : ms.toFixed(0), note]);
  console.error(`${what}: ${ms.toFixed(2)} ms ${note}`);
};

const cdnow = cdnowSummary();
const spend = cdnowSummaryWithSpend();
add("CDNOW BG/NBD fit (2,357 customers)", timeRuns(50, 10, () => fitBgNbd(cdnow, { standardErrors: false })), "median of 50");
add("CDNOW BG/NBD fit + standard errors", timeRuns(50, 5, () => fitBgNbd(cdnow)), "median of 50");
add("CDNOW Pareto/NBD fit", timeRuns(7, 1, () => fitParetoNbd(cdnow)), "median of 7");
add("CDNOW Gamma-Gamma fit (946 repeaters)", timeRuns(50, 5, () => fitGammaGamma(spend)), "median of 50");

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
for (const n of sizes.length > 0 ? sizes : [100_000, 1_000_000]) {
  // Cohort joining over 12 weeks, observed to week 52; times on a day grid, as rfmSummary produces.
  const start = performance.now();
  const histories = simulateBgNbd(
    { r: 0.25, alpha: 4, a: 0.8, b: 2.5 },
    { customers: n, T: (i) => 40 + (i % 85) / 7, seed: 7 },
  ).map((h) => ({ ...h, recency: Math.floor(h.recency * 7) / 7 }));
  const label = n.toLocaleString("en-US");
  add(`simulate ${label} customers`, performance.now() - start);
  let fitStart = performance.now();
  const fit = fitBgNbd(histories, { standardErrors: false });
  add(`BG/NBD fit, ${label} customers`, performance.now() - fitStart, `r=${fit.r.toFixed(3)} α=${fit.alpha.toFixed(2)} a=${fit.a.toFixed(3)} b=${fit.b.toFixed(2)}`);
  fitStart = performance.now();
  let sumAlive = 0;
  let sumExpected = 0;
  for (const h of histories) {
    sumAlive += probabilityAlive(fit, h.frequency, h.recency, h.T);
    sumExpected += expectedPurchases(fit, 52, h.frequency, h.recency, h.T);
  }
  add(
    `scoring P(alive) + E[X(52)], ${label} customers`,
    performance.now() - fitStart,
    `mean P(alive)=${(sumAlive / n).toFixed(3)}, mean E=${(sumExpected / n).toFixed(3)}`,
  );
}

const width = Math.max(...rows.map((r) => r[0].length));
console.log(`\nBTYD benchmark — ${cpus().length} CPUs (${cpus()[0]?.model ?? "?"}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}`);
console.log(`${"step".padEnd(width)} | ms      | note`);
console.log(`${"-".repeat(width)}-|---------|-----`);
for (const [what, ms, note] of rows) console.log(`${what.padEnd(width)} | ${ms.padStart(7)} | ${note}`);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
