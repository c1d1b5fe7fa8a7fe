// Runs vitest with its JSON reporter and prints the plain closing line CI reads: "N passed, N failed".
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";

mkdirSync(".vitest", { recursive: true });
const out = ".vitest/results.json";
const run = spawnSync(
  process.execPath,
  ["node_modules/vitest/vitest.mjs", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`],
  { stdio: "inherit" },
);
let results;
try {
  results = JSON.parse(readFileSync(out, "utf8"));
} catch {
  console.log("0 passed, 1 failed");
  process.exit(1);
}
const skipped = results.numPendingTests + results.numTodoTests;
console.log(`${results.numPassedTests} passed, ${results.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
process.exit(run.status === 0 && results.success && results.numTotalTests > 0 ? 0 : 1);
