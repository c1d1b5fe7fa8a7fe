/**
 * Reading speed with and without column mapping (issue "Real exports": mapping must cost at most 10 %): reads one
 * population's files on one thread with a given build — as the library writes them, and with the purchases file's
 * headers renamed and mapped back by the `columns` option — and prints one JSON line of seconds and CPU seconds.
 *
 *   node --import tsx scripts/bench/reading-mapping.ts <dist/index.js of a build> <folder> [--mapped] [--ndjson] [--purchases-only]
 *
 * With `--ndjson`, the purchases are read from the same rows written as NDJSON (one JSON object a line).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";

const [build, folder, ...flags] = process.argv.slice(2);
if (build === undefined || folder === undefined) throw new Error("usage: reading-mapping.ts <dist/index.js> <folder> [--mapped]");
const lib = (await import(pathToFileURL(build).href)) as {
  profileFiles: (files: Record<string, string>, options: Record<string, unknown>, read: Record<string, unknown>) => Promise<{ profiles: { size: number } }>;
};
const mapped = flags.includes("--mapped");
const ndjson = flags.includes("--ndjson");
const purchases = join(folder, ndjson ? "purchases.ndjson" : mapped ? "renamed-purchases.csv" : "purchases.csv");
if (ndjson && !existsSync(purchases)) {
  const [header, ...rows] = readFileSync(join(folder, "purchases.csv"), "utf8").trimEnd().split("\n");
  const keys = (header as string).split(",");
  // The synthetic files quote nothing, so a split on commas is the CSV reading.
  writeFileSync(purchases, `${rows.map((row) => JSON.stringify(Object.fromEntries(row.split(",").map((cell, index) => [keys[index], cell]).filter(([, cell]) => cell !== "")))).join("\n")}\n`);
}
if (mapped && !existsSync(purchases)) {
  // The same rows, the headers as an export might write them.
  const text = readFileSync(join(folder, "purchases.csv"), "utf8");
  const newline = text.indexOf("\n");
  writeFileSync(purchases, `Customer Email,Order Date,Order Total,Order Number,Item,Department,Refunded${text.slice(newline)}`);
}
const files = flags.includes("--purchases-only") ? { purchases } : { customers: join(folder, "customers.csv"), purchases, surveys: join(folder, "surveys.csv"), social: join(folder, "social.csv") };
const columns = { purchases: { customerId: "Customer Email", date: "Order Date", amount: "Order Total", orderId: "Order Number", product: "Item", category: "Department", returned: "Refunded" } };
const cpu = process.cpuUsage();
const start = performance.now();
const prepared = await lib.profileFiles(files, { asOf: "2026-06-30", ...(mapped ? { columns } : {}) }, { workers: 0 });
const used = process.cpuUsage(cpu);
console.log(JSON.stringify({ customers: prepared.profiles.size, seconds: (performance.now() - start) / 1000, cpuSeconds: (used.user + used.system) / 1e6 }));
