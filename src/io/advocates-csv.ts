import type { Advocate } from "../arm/advocate.js";
import { csvText } from "./csv-writer.js";

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
 * Writes advocates as CSV for a spreadsheet or CRM import: one row per advocate, reasons joined with " | ". Safe to
 * open in a spreadsheet: text cells are quoted and a cell starting with = + - @ TAB or CR gets a leading `'`
 * (see {@link csvText}).
 *
 * @example
 * writeFileSync("advocates.csv", advocatesCsv(result.advocates));
 */
export function advocatesCsv(advocates: readonly Advocate[]): string {
  return csvText(
    ADVOCATE_CSV_COLUMNS,
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
  );
}
