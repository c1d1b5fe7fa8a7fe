import { readFileSync } from "node:fs";
import type { RfmSummary, TransactionInput } from "../../src/loyalty/btyd/index.js";
import { SHARED_DATA } from "../fixtures/data-location.js";

/** The shared CDNOW files (see SOURCE.md there; absent in a clone without the data: see `lacks`). */
export const CDNOW = `${SHARED_DATA}cdnow/`;

/** cdnow_customers_summary.csv: ID,frequency,recency,T in weeks (rounded to 2 decimals), 39-week calibration. */
export function cdnowSummary(): { customerId: string; frequency: number; recency: number; T: number }[] {
  return readFileSync(`${CDNOW}cdnow_customers_summary.csv`, "utf8")
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line !== "")
    .map((line) => {
      const [customerId, frequency, recency, T] = line.split(",") as [string, string, string, string];
      return { customerId, frequency: Number(frequency), recency: Number(recency), T: Number(T) };
    });
}

/** cdnow_customers_summary_with_transactions.csv: ID,x,t_x,T,zbar (CRLF, no final newline). */
export function cdnowSummaryWithSpend(): RfmSummary[] {
  return readFileSync(`${CDNOW}cdnow_customers_summary_with_transactions.csv`, "utf8")
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line !== "")
    .map((line) => {
      const [customerId, x, tx, T, zbar] = line.split(",") as [string, string, string, string, string];
      return { customerId, frequency: Number(x), recency: Number(tx), T: Number(T), monetaryValue: Number(zbar) };
    });
}

/** CDNOW_sample.txt: master id, sample id, YYYYMMDD, CDs, dollars; whitespace-separated, no header. Keyed by sample id. */
export function cdnowSampleTransactions(): TransactionInput[] {
  return readFileSync(`${CDNOW}CDNOW_sample.txt`, "utf8")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .map((line) => {
      const [, sampleId, ymd, , dollars] = line.split(/\s+/) as [string, string, string, string, string];
      const date = new Date(Date.UTC(Number(ymd.slice(0, 4)), Number(ymd.slice(4, 6)) - 1, Number(ymd.slice(6, 8))));
      return { customerId: String(Number(sampleId)), date, amount: Number(dollars) };
    });
}

/**
 * Published figures are rounded; compare at their precision: relative 1e-3, or half a unit of the last published
 * digit when that rounding alone is coarser than 1e-3 relative (e.g. r = 0.243 is only known to ±0.0005).
 */
export function publishedTolerance(published: number, decimals: number): number {
  return Math.max(1e-3 * Math.abs(published), 0.5 * 10 ** -decimals);
}
