import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import { createInterface } from "node:readline";
import { parseCsvText } from "./csv-text.js";
import { fileChunks } from "./file-chunks.js";
import { fileError, InputFileError } from "./input-file-error.js";
import { nestCells } from "./nest-columns.js";

export { InputFileError } from "./input-file-error.js";

/** The records of parsed CSV rows, nesting dotted headers; a ragged or malformed row is a file error. */
function csvRecords(rows: readonly string[][], malformed: ReadonlyMap<number, string>, header: readonly string[], file: string, firstRow: number): Record<string, unknown>[] {
  return rows.map((cells, index) => {
    const problem = malformed.get(index) ?? (cells.length === header.length ? undefined : `has ${cells.length} cells, the header has ${header.length}`);
    if (problem !== undefined) throw new InputFileError(file, `row ${firstRow + index}: ${problem}`);
    return nestCells(header, cells);
  });
}

/**
 * Streams the records of a CSV file chunk by chunk (constant memory), nesting dotted headers
 * (`handles.twitter`). Rows are plain objects of trimmed strings; validation happens downstream.
 *
 * @example
 * for await (const row of streamCsv("purchases.csv")) console.log(row.customerId);
 */
export async function* streamCsv(path: string): AsyncGenerator<Record<string, unknown>> {
  const file = basename(path);
  let row = 1;
  for await (const chunk of fileChunks(path, "purchases", file, { firstId: 0, raw: true })) {
    if (chunk.format === "bad-record") throw new InputFileError(file, `row ${row}: ${chunk.problem}`);
    if (chunk.format !== "csv") throw new InputFileError(file, "expected a .csv file");
    const { rows, malformed } = parseCsvText(new TextDecoder().decode(chunk.bytes), chunk.dialect);
    yield* csvRecords(rows, malformed, chunk.plan.header, file, row);
    row += rows.length;
  }
}

/**
 * Parses CSV text into records, nesting dotted headers.
 *
 * @throws {InputFileError} on a row whose number of cells differs from the header's, or with malformed quotes.
 * @example
 * parseCsv("customerId,amount\nc1,20\n"); //=> [{ customerId: "c1", amount: "20" }]
 */
export function parseCsv(text: string, file = "csv"): Record<string, unknown>[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = body.indexOf("\n");
  const newline = firstLine > 0 && body[firstLine - 1] === "\r" ? "\r\n" : "\n";
  const { rows, malformed } = parseCsvText(body, newline);
  const header = rows[0] ?? [];
  const shifted = new Map([...malformed].map(([index, problem]) => [index - 1, problem] as const));
  return csvRecords(rows.slice(1), shifted, header, file, 1);
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
      // No spread into push: a million records would overflow the call stack.
      for (const record of parsed) rows.push(record);
    } else {
      throw new InputFileError(file, `unknown file kind "${kind}": expected .csv, .json, .ndjson or .jsonl`);
    }
  } catch (error) {
    throw fileError(path, error);
  }
  return rows;
}
