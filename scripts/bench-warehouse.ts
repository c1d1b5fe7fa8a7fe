/**
 * Benchmark of the warehouse path, with DuckDB standing in for the warehouse: profileSql on CDNOW (against the
 * library's own profiling of the same purchases) and on synthetic populations generated inside DuckDB, then
 * decoding rows with profileFromRow and scoring them with the UDF bundle in an empty `vm` context. Prints the
 * bundle's size too. A script, not a test: timings vary by machine.
 *
 *   npx tsx scripts/bench-warehouse.ts            # CDNOW, then 100k and 1M synthetic customers
 *   npx tsx scripts/bench-warehouse.ts 5000000
 */
import { readFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { performance } from "node:perf_hooks";
import vm from "node:vm";
import { gzipSync } from "node:zlib";
import { DuckDBInstance } from "@duckdb/node-api";
import { fitModelToProfiles, prepareProfiles, profileFromRow, profileSql, resolveOptions, scoringUdf, type CustomerProfile } from "../src/index.js";
import { cdnowPurchases } from "../tests/fixtures/real-data.js";
import { loadTable, openWarehouse } from "../tests/fixtures/warehouse-duckdb.js";

async function time<T>(work: () => Promise<T> | T): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await work();
  return { result, ms: performance.now() - start };
}

const format = (n: number): string => Math.round(n).toLocaleString("en-US");

async function cdnow(): Promise<void> {
  const purchases = cdnowPurchases();
  const connection = await openWarehouse();
  await loadTable(connection, "purchases", purchases as never, { date: "CAST(strptime($, '%Y%m%d') AS DATE)", amount: "DOUBLE" });
  const sql = profileSql({ dialect: "duckdb", purchases: { table: "purchases", columns: { product: null, category: null, returned: null } } });
  const query = await time(async () => (await connection.runAndReadAll(sql)).getRowObjectsJS());
  const decode = await time(() => query.result.map((row) => profileFromRow(row)));
  const library = await time(() => prepareProfiles({ purchases }, resolveOptions()));
  console.log(`\n### CDNOW master: ${format(purchases.length)} purchases, ${format(query.result.length)} customers\n`);
  console.log("| step | time |\n| --- | --- |");
  console.log(`| profileSql on DuckDB (rows read into JS) | ${format(query.ms)} ms |`);
  console.log(`| profileFromRow, every row | ${format(decode.ms)} ms |`);
  console.log(`| the library: validate + profile | ${format(library.ms)} ms |`);
}

/** A synthetic population generated inside DuckDB: about 10 purchases, 1 survey and 3 posts per customer. */
async function synthetic(customers: number): Promise<void> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  await connection.run("SET TimeZone = 'UTC'");
  const generate = await time(async () => {
    const random = (salt: string, modulo: number) => `(hash(i, ${salt}) % ${modulo})`;
    await connection.run(`CREATE TABLE customers AS SELECT i AS "row", 'C' || (i - 1) AS "customerId", 'Customer ' || i AS name,
      ${random("1", 50)} = 0 AS "optedOut", ${random("2", 3)} = 0 AS consent,
      CASE WHEN ${random("3", 10)} = 0 THEN DATE '2026-06-30' - CAST(${random("4", 365)} AS INTEGER) END AS "lastInvitedAt",
      CASE WHEN ${random("5", 4)} = 0 THEN '@c' || i END AS "handles.twitter"
      FROM range(1, ${customers} + 1) AS r(i)`);
    await connection.run(`CREATE TABLE purchases AS SELECT row_number() OVER () AS "row", * FROM (
      SELECT 'C' || (hash(i, 11) % ${customers}) AS "customerId", DATE '2026-06-30' - CAST(hash(i, 12) % 1000 AS INTEGER) AS date,
        (hash(i, 13) % 8000) / 100.0 AS amount, 'P' || (hash(i, 14) % 40) AS product, 'K' || (hash(i, 15) % 6) AS category,
        hash(i, 16) % 30 = 0 AS returned
      FROM range(${customers * 10}) AS r(i))`);
    await connection.run(`CREATE TABLE surveys AS SELECT i + 1 AS "row", 'C' || (hash(i, 21) % ${customers}) AS "customerId",
      DATE '2026-06-30' - CAST(hash(i, 22) % 700 AS INTEGER) AS date, CAST(hash(i, 23) % 11 AS INTEGER) AS nps,
      CAST(1 + hash(i, 24) % 5 AS DOUBLE) AS "answers.love",
      CASE WHEN hash(i, 25) % 3 = 0 THEN 'love the coffee, fast shipping' END AS comment
      FROM range(${customers}) AS r(i)`);
    await connection.run(`CREATE TABLE social AS SELECT i + 1 AS "row", 'C' || (hash(i, 31) % ${customers}) AS "customerId",
      DATE '2026-06-30' - CAST(hash(i, 32) % 365 AS INTEGER) AS date, CASE WHEN hash(i, 33) % 5 < 3 THEN 'twitter' ELSE 'reddit' END AS platform,
      'post' AS type, hash(i, 34) % 10 <> 0 AS public, hash(i, 35) % 5 < 2 AS "mentionsBrand",
      (CAST(hash(i, 36) % 201 AS INTEGER) - 100) / 100.0 AS sentiment, CAST(hash(i, 37) % 20000 AS DOUBLE) AS reach
      FROM range(${customers * 3}) AS r(i)`);
  });
  const records = customers * 15;
  const sql = profileSql({
    dialect: "duckdb",
    customers: { table: "customers", handles: ["twitter"] },
    purchases: { table: "purchases" },
    surveys: { table: "surveys", answers: ["love"], columns: { csat: null } },
    social: { table: "social", columns: { text: null, engagement: null, repliesToCriticism: null } },
    ordered: false,
  });
  const profile = await time(() => connection.run(`CREATE TABLE profiles AS ${sql}`));
  const count = Number((await connection.runAndReadAll("SELECT count(*) AS n FROM profiles")).getRowObjectsJS()[0]?.n);
  const sampleSize = Math.min(count, 100_000);
  const read = await time(async () => (await connection.runAndReadAll(`SELECT * FROM profiles LIMIT ${sampleSize}`)).getRowObjectsJson());
  const decode = await time(() => new Map(read.result.map((row) => [String(row.customerId), profileFromRow(row)] as const)));
  const options = resolveOptions({ asOf: "2026-06-30" });
  const model = fitModelToProfiles(decode.result as Map<string, CustomerProfile>, Number(read.result[0]?.asOfDay), options);
  const udf = scoringUdf(model, { dialect: "bigquery", library: "gs://bench/score.js" });
  const context = vm.createContext({});
  vm.runInContext(udf.javascript, context);
  const scorer = context[udf.scorerName] as (row: string) => string;
  const texts = read.result.map((row) => JSON.stringify(row));
  const scoring = await time(() => texts.map(scorer));
  console.log(`\n### ${format(customers)} synthetic customers (${format(records)} records, ${format(count)} profiled)\n`);
  console.log("| step | time | throughput |\n| --- | --- | --- |");
  console.log(`| generate the tables in DuckDB | ${format(generate.ms)} ms | |`);
  console.log(`| profileSql → CREATE TABLE profiles | ${format(profile.ms)} ms | ${format(records / (profile.ms / 1000))} records/s |`);
  console.log(`| read ${format(sampleSize)} rows as JSON | ${format(read.ms)} ms | |`);
  console.log(`| profileFromRow | ${format(decode.ms)} ms | ${format(sampleSize / (decode.ms / 1000))} rows/s |`);
  console.log(`| UDF bundle in vm: JSON row → score JSON | ${format(scoring.ms)} ms | ${format(sampleSize / (scoring.ms / 1000))} rows/s |`);
  connection.closeSync();
  instance.closeSync();
}

const bundle = readFileSync(new URL("../dist/udf/score.js", import.meta.url), "utf8");
console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
console.log(`UDF bundle dist/udf/score.js: ${format(Buffer.byteLength(bundle))} bytes, ${format(gzipSync(bundle).length)} gzipped`);
await cdnow();
const sizes = process.argv.slice(2).map(Number);
for (const customers of sizes.length > 0 ? sizes : [100_000, 1_000_000]) await synthetic(customers);
