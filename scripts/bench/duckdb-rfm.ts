/**
 * The yardstick: the same per-customer aggregation — recency, frequency (distinct purchase days) and monetary
 * value, returned purchases left out — computed by DuckDB (a vectorised, multi-threaded C++ engine; a development
 * dependency only) straight from the same purchases CSV.
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { performance } from "node:perf_hooks";

/** Seconds DuckDB takes to read `path` and aggregate it per customer, and how many customers it found. */
export async function duckdbRfm(path: string, threads: number): Promise<{ seconds: number; customers: number }> {
  const instance = await DuckDBInstance.create(":memory:", { threads: String(threads) });
  const connection = await instance.connect();
  const file = path.replaceAll("'", "''");
  const start = performance.now();
  const reader = await connection.runAndReadAll(`
    SELECT count(*) AS customers FROM (
      SELECT customerId, max(date) AS last_day, min(date) AS first_day, count(DISTINCT date) AS purchase_days, sum(amount) AS spend
      FROM read_csv('${file}', header = true, columns = {
        'customerId': 'VARCHAR', 'date': 'DATE', 'amount': 'DOUBLE', 'orderId': 'VARCHAR',
        'product': 'VARCHAR', 'category': 'VARCHAR', 'returned': 'VARCHAR'})
      WHERE returned IS NULL OR lower(returned) NOT IN ('true', 'yes', 'y', '1')
      GROUP BY customerId)`);
  const seconds = (performance.now() - start) / 1000;
  const customers = Number(reader.getRows()[0]?.[0] ?? 0);
  connection.closeSync();
  return { seconds, customers };
}
