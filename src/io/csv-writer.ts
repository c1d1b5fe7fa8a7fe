import { stringify } from "csv-stringify/sync";

/**
 * First characters that make a spreadsheet (Excel, LibreOffice, Google Sheets, Numbers) read a cell as a formula:
 * `=`, `+`, `-`, `@`, TAB and CR, and their full-width forms, which Numbers folds into them.
 */
export const FORMULA_PREFIXES: readonly string[] = ["=", "+", "-", "@", "\t", "\r", "\uFF1D", "\uFF0B", "\uFF0D", "\uFF20"];

/** A cell of a CSV the library writes: text (from the data, so never trusted) or a number the library computed. */
export type CsvCell = string | number;

/**
 * Writes rows as CSV the way every CSV of this library is written, safe to open in a spreadsheet (OWASP's CSV
 * injection guidance): every text cell is quoted (so a spreadsheet that splits on `;` or TAB cannot start a new
 * cell inside it), and a text cell beginning with a {@link FORMULA_PREFIXES formula character} gets a leading `'`
 * (`=HYPERLINK(…)` is written `'=HYPERLINK(…)`), which spreadsheets read as "this is text" and do not show.
 * Numbers the library computed are written as numbers (`-0.5` stays a number). csv-stringify does the quoting and
 * the prefixing (`quoted_string`, `escape_formulas`); this is the one place that turns them on. LF line ends.
 *
 * @example
 * csvText(["customerId", "score"], [["=1+2", 0.5]]); //=> '"customerId","score"\n"\'=1+2",0.5\n'
 */
export function csvText(columns: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  return stringify(
    rows.map((row) => [...row]),
    { header: true, columns: [...columns], record_delimiter: "unix", quoted_string: true, escape_formulas: true },
  );
}
