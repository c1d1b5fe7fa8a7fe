import Papa from "papaparse";

/** CSV records as trimmed cells, and the records papaparse found malformed (index → what was wrong). */
export interface CsvRows {
  readonly rows: string[][];
  readonly malformed: ReadonlyMap<number, string>;
}

/** Whether a character might be white space to `String.prototype.trim` (which then decides). */
function maybeSpace(code: number): boolean {
  return code <= 32 || code === 0xa0 || code >= 0x1680;
}

function trimmed(cell: string): string {
  // Most cells need no trimming; checking the ends first avoids allocating a copy of each.
  return cell.length > 0 && (maybeSpace(cell.charCodeAt(0)) || maybeSpace(cell.charCodeAt(cell.length - 1))) ? cell.trim() : cell;
}

/**
 * Parses CSV text (papaparse: quoted fields, doubled quotes, newlines inside quotes) into rows of trimmed cells.
 * Empty lines are not records; a line of blanks is (a bad row to report, never one to drop silently). A record
 * with malformed quotes is kept, with what was wrong, so the caller can report it as a bad row instead of failing
 * the whole file.
 *
 * @example
 * parseCsvText('id,text\n1,"a, b"\n\n2,c\n', "\n").rows; //=> [["id", "text"], ["1", "a, b"], ["2", "c"]]
 */
export function parseCsvText(text: string, newline: "\n" | "\r\n"): CsvRows {
  const parsed = Papa.parse<string[]>(text, { delimiter: ",", newline, quoteChar: '"', escapeChar: '"', header: false, skipEmptyLines: true });
  const rows = parsed.data;
  for (const row of rows) for (let index = 0; index < row.length; index += 1) row[index] = trimmed(row[index] as string);
  const malformed = new Map<number, string>();
  for (const error of parsed.errors) {
    if (error.row !== undefined && !malformed.has(error.row)) malformed.set(error.row, `malformed CSV record: ${error.message.toLowerCase()}`);
  }
  return { rows, malformed };
}
