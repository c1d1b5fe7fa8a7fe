import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import { createInterface } from "node:readline";
import { parse, type Options as CsvOptions } from "csv-parse";
import { parse as parseSync } from "csv-parse/sync";
import { nestColumns } from "./nest-columns.js";

/**
 * A file that could not be read or parsed (not a bad record: those are validation problems). The CLI reports it
 * with exit code 2.
 *
 * @example
 * try { await readRecords("missing.csv"); } catch (error) { (error as InputFileError).message; } //=> "missing.csv: file not found"
 */
export class InputFileError extends Error {
  override readonly name = "InputFileError";
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}

const CSV_OPTIONS: CsvOptions = {
  columns: true,
  bom: true,
  trim: true,
  skip_empty_lines: true,
  // Only LF and CRLF end a record: a lone CR inside an unquoted cell (seen in real exports) is text, not a row break.
  record_delimiter: ["\r\n", "\n"],
};

/**
 * Streams the records of a CSV file one row at a time (constant memory), nesting dotted headers
 * (`handles.twitter`). Rows are plain objects of strings; validation happens downstream.
 *
 * @example
 * for await (const row of streamCsv("purchases.csv")) console.log(row.customerId);
 */
export async function* streamCsv(path: string): AsyncGenerator<Record<string, unknown>> {
  const source = createReadStream(path);
  const parser = source.pipe(parse(CSV_OPTIONS));
  // pipe() does not forward the source's errors (a missing file would hang or crash): hand them to the parser.
  source.on("error", (error) => parser.destroy(error));
  try {
    for await (const row of parser) yield nestColumns(row as Record<string, string>);
  } catch (error) {
    throw fileError(path, error);
  }
}

/** Maps any failure reading a file to an {@link InputFileError} that names the file. */
function fileError(path: string, error: unknown): InputFileError {
  if (error instanceof InputFileError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = code === "ENOENT" ? "file not found" : code === "EISDIR" ? "is a folder, not a file" : error instanceof Error ? error.message : String(error);
  return new InputFileError(basename(path), message);
}

/**
 * Parses CSV text into records, nesting dotted headers.
 *
 * @example
 * parseCsv("customerId,amount\nc1,20\n"); //=> [{ customerId: "c1", amount: "20" }]
 */
export function parseCsv(text: string, file = "csv"): Record<string, unknown>[] {
  try {
    return (parseSync(text, CSV_OPTIONS) as unknown as Record<string, string>[]).map(nestColumns);
  } catch (error) {
    throw new InputFileError(file, error instanceof Error ? error.message : String(error));
  }
}

/**
 * Streams the records of an NDJSON (JSON Lines) file, one object per line; blank lines are skipped.
 *
 * @example
 * for await (const row of streamNdjson("social.ndjson")) console.log(row.platform);
 */
export async function* streamNdjson(path: string): AsyncGenerator<unknown> {
  const source = createReadStream(path);
  const lines = createInterface({ input: source, crlfDelay: Infinity });
  let failure: unknown;
  source.on("error", (error) => {
    failure = error;
    lines.close();
  });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === "") continue;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      throw new InputFileError(basename(path), `line ${lineNumber} is not valid JSON`);
    }
    yield record;
  }
  if (failure !== undefined) throw fileError(path, failure);
}

/**
 * Reads every record of a `.csv`, `.json` (an array of objects), `.ndjson` or `.jsonl` file.
 *
 * @throws {InputFileError} if the file is missing, unreadable, of an unknown kind or malformed.
 * @example
 * const purchases = await readRecords("examples/data/purchases.csv");
 */
export async function readRecords(path: string): Promise<unknown[]> {
  const file = basename(path);
  const kind = extname(path).toLowerCase();
  const rows: unknown[] = [];
  try {
    if (kind === ".csv") {
      for await (const row of streamCsv(path)) rows.push(row);
    } else if (kind === ".ndjson" || kind === ".jsonl") {
      for await (const row of streamNdjson(path)) rows.push(row);
    } else if (kind === ".json") {
      const parsed: unknown = JSON.parse(await readFile(path, "utf8"));
      if (!Array.isArray(parsed)) throw new InputFileError(file, "expected a JSON array of records");
      rows.push(...parsed);
    } else {
      throw new InputFileError(file, `unknown file kind "${kind}": expected .csv, .json, .ndjson or .jsonl`);
    }
  } catch (error) {
    throw fileError(path, error);
  }
  return rows;
}
