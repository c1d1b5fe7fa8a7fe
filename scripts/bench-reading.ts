/**
 * What reading costs by shape (a script, not a test): the 100k-customer benchmark population read on one thread by
 * the built package — as the library writes its columns; with the purchases file's headers renamed and mapped back
 * by the `columns` option; and with the purchases as NDJSON — in interleaved rounds (the machine's speed drifts),
 * each in a fresh process. Prints the median CPU seconds of each and the ratios.
 *
 *   npx tsx scripts/bench-reading.ts [rounds]
 */
import { spawnSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { median } from "simple-statistics";
import { syntheticPopulation } from "./bench/synthetic-csv.js";

const rounds = Number(process.argv[2] ?? 5);
const { folder } = await syntheticPopulation("bench-data", 100_000);
const run = (...flags: string[]): { seconds: number; cpuSeconds: number } => {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/bench/reading-mapping.ts", "dist/index.js", folder, ...flags], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout.trim().split("\n").pop() as string) as { seconds: number; cpuSeconds: number };
};
for (const scope of [["--purchases-only"], []]) {
  const plain: number[] = [];
  const mapped: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    plain.push(run(...scope).cpuSeconds);
    mapped.push(run("--mapped", ...scope).cpuSeconds);
  }
  const label = scope.length > 0 ? "purchases only (928k rows)" : "all four files (1.43M records)";
  if (scope.length > 0) {
    const ndjson: number[] = [];
    for (let round = 0; round < rounds; round += 1) ndjson.push(run("--ndjson", ...scope).cpuSeconds);
    console.log(`${label}: CSV ${median(plain).toFixed(2)} CPU-s, NDJSON ${median(ndjson).toFixed(2)} CPU-s: NDJSON/CSV ${(median(ndjson) / median(plain)).toFixed(2)}×`);
  }
  console.log(`${label}: library columns ${median(plain).toFixed(2)} CPU-s, mapped columns ${median(mapped).toFixed(2)} CPU-s (median of ${rounds}; ${availableParallelism()} cores): mapping costs ${((median(mapped) / median(plain) - 1) * 100).toFixed(1)} %`);
}
