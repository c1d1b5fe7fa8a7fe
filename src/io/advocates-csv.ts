import { stringify } from "csv-stringify/sync";
import type { Advocate } from "../arm/advocate.js";

/** The columns of the advocates CSV export, in order. */
export const ADVOCATE_CSV_COLUMNS = [
  "rank",
  "customerId",
  "name",
  "score",
  "loyalty",
  "commitment",
  "voice",
  "confidence",
  "segment",
  "platforms",
  "reasons",
] as const;

/**
 * Writes advocates as CSV for a spreadsheet or CRM import: one row per advocate, reasons joined with " | ".
 *
 * @example
 * writeFileSync("advocates.csv", advocatesCsv(result.advocates));
 */
export function advocatesCsv(advocates: readonly Advocate[]): string {
  return stringify(
    advocates.map((advocate) => [
      advocate.rank,
      advocate.customerId,
      advocate.name ?? "",
      advocate.score,
      advocate.loyalty,
      advocate.commitment,
      advocate.voice,
      advocate.confidence,
      advocate.segment,
      advocate.platforms.join(" "),
      advocate.reasons.join(" | "),
    ]),
    { header: true, columns: [...ADVOCATE_CSV_COLUMNS], record_delimiter: "unix" },
  );
}
