import Papa from "papaparse";

/** How a CSV text is written: its delimiter and line ending. */
export interface CsvTextDialect {
  readonly delimiter: string;
  readonly newline: "\n" | "\r\n";
}

/** Accepts a bare line ending (the old form: comma-delimited) or a dialect. */
function dialectOf(dialect: CsvTextDialect | "\n" | "\r\n"): CsvTextDialect {
  return typeof dialect === "string" ? { delimiter: ",", newline: dialect } : dialect;
}

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
export function parseCsvText(text: string, newline: CsvTextDialect | "\n" | "\r\n"): CsvRows {
  const rows: string[][] = [];
  const malformed = new Map<number, string>();
  forEachCsvRow(text, newline, (cells, index, problem) => {
    rows.push(cells);
    if (problem !== undefined) malformed.set(index, problem);
  });
  return { rows, malformed };
}

/**
 * Streams CSV text row by row (the same reading as {@link parseCsvText}) to `visit`, with each row's index and, for
 * a malformed record, what was wrong. Rows are handed over as they are parsed and can be dropped at once, which
 * keeps a chunk's hundred thousand rows from piling up in memory for the garbage collector to move.
 *
 * @example
 * forEachCsvRow("id,amount\n1,2\n", "\n", (cells, index) => console.log(index, cells)); // 0 ["id", "amount"], 1 ["1", "2"]
 */
export function forEachCsvRow(text: string, dialect: CsvTextDialect | "\n" | "\r\n", visit: (cells: string[], index: number, problem: string | undefined) => void): void {
  let index = 0;
  const { delimiter, newline } = dialectOf(dialect);
  Papa.parse<string[]>(text, {
    delimiter,
    newline,
    quoteChar: '"',
    escapeChar: '"',
    header: false,
    skipEmptyLines: true,
    step: (results) => {
      const cells = results.data;
      for (let column = 0; column < cells.length; column += 1) cells[column] = trimmed(cells[column] as string);
      const error = results.errors[0];
      visit(cells, index, error === undefined ? undefined : `malformed CSV record: ${error.message.toLowerCase()}`);
      index += 1;
    },
  });
}

