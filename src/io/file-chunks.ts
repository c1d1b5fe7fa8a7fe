import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { extname } from "node:path";
import Papa from "papaparse";
import type { RecordKind } from "../profile/record-intake.js";
import { planColumns, type ColumnPlan } from "../schema/columns/column-plan.js";
import { API_OPTION_NAMES, plainReading, type OptionNaming, type ResolvedReading } from "../schema/columns/source-reading.js";
import { presetNamed } from "../schema/presets/index.js";
import type { ChunkTask, CsvDialect } from "./chunk-profiler.js";
import { parseCsvText } from "./csv-text.js";
import { fileError, InputFileError } from "./input-file-error.js";
import { endsInOpenQuote, firstRecordEnd, lastRecordEnd, newlineOf } from "./record-boundaries.js";

/** Default size of a chunk handed to one worker: large enough that the per-chunk cost vanishes, small enough to balance. */
export const DEFAULT_CHUNK_BYTES = 8 << 20;
/**
 * The longest record a file may hold, by default: far beyond any real post, review or survey comment, and small
 * enough that a file with no line break, or a quote that never closes, is reported as one bad row at once instead
 * of being read whole into memory.
 */
export const DEFAULT_MAX_RECORD_BYTES = 1 << 20;
/** JSON arrays are parsed whole; past this size a file should be NDJSON (read in chunks). */
const MAX_JSON_BYTES = 256 << 20;
/** Records of a JSON array are handed over in slices of this many. */
const RECORDS_PER_CHUNK = 50_000;
/** How much of a file's start is read to tell its delimiter. */
const SNIFF_BYTES = 64 << 10;
/** What the head of a bad record shows (its first line is read for the customer it names). */
const BAD_HEAD_BYTES = 4 << 10;
const LF = 0x0a;

/** Delimiters a CSV file may use; sniffed from the file's start unless given. */
export const CSV_DELIMITERS = [",", ";", "\t", "|"] as const;
/** Text encodings a file may be in; a byte-order mark decides, else UTF-8 unless given. */
export const FILE_ENCODINGS = ["utf-8", "utf-16le", "utf-16be", "windows-1252", "latin1"] as const;

/** How one file is read: where its chunks start numbering, how big they are, its reading and dialect. */
export interface ChunkingOptions {
  readonly firstId: number;
  readonly chunkBytes?: number | undefined;
  readonly maxRecordBytes?: number | undefined;
  /** How the file's records are read (columns, preset, formats); the kind's default reading when absent. */
  readonly reading?: ResolvedReading | undefined;
  /** The delimiter of a CSV file (sniffed when absent: `,` `;` tab or `|`). */
  readonly delimiter?: string | undefined;
  /** The file's text encoding (a byte-order mark decides when absent, else UTF-8). */
  readonly encoding?: (typeof FILE_ENCODINGS)[number] | undefined;
  readonly naming?: OptionNaming | undefined;
  /** Read the file as it is written: no reading, the header's own names (for generic readers such as `readRecords`). */
  readonly raw?: boolean | undefined;
  /** Called once with the file's header and plan (CSV) before its first chunk. */
  readonly onHeader?: ((header: readonly string[], plan: ColumnPlan) => void) | undefined;
}

/** The kind of file by its extension. */
function formatOf(path: string, source: string): "csv" | "ndjson" | "json" {
  const extension = extname(path).toLowerCase();
  if (extension === ".csv" || extension === ".tsv" || extension === ".txt") return "csv";
  if (extension === ".ndjson" || extension === ".jsonl") return "ndjson";
  if (extension === ".json") return "json";
  throw new InputFileError(source, `unknown file kind "${extension}": expected .csv, .tsv, .txt, .json, .ndjson or .jsonl`);
}

/** The encoding a byte-order mark names, and the mark's length. */
function byteOrderMark(bytes: Uint8Array): { encoding: (typeof FILE_ENCODINGS)[number]; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return undefined;
}

/**
 * The file's bytes as UTF-8, piece by piece: a file in UTF-16 (with its byte-order mark, as Excel writes "Unicode
 * text") or in a legacy single-byte encoding is decoded as it streams and re-encoded; a UTF-8 byte-order mark is
 * dropped.
 */
async function* utf8Pieces(path: string, encoding: ChunkingOptions["encoding"]): AsyncGenerator<Uint8Array> {
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  let first = true;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    let piece = chunk as Buffer;
    if (first) {
      first = false;
      const mark = byteOrderMark(piece);
      const chosen = mark?.encoding ?? encoding ?? "utf-8";
      if (mark !== undefined) piece = piece.subarray(mark.length);
      if (chosen !== "utf-8") decoder = new TextDecoder(chosen);
    }
    yield decoder === undefined ? piece : Buffer.from(decoder.decode(piece, { stream: true }), "utf8");
  }
  if (decoder !== undefined) {
    const rest = decoder.decode();
    if (rest.length > 0) yield Buffer.from(rest, "utf8");
  }
}

/** The delimiter of a CSV file, from its first lines (papaparse's guess over `,` `;` tab `|`), or "," for one column. */
function sniffDelimiter(bytes: Uint8Array): string {
  const lf = bytes.lastIndexOf(LF, SNIFF_BYTES);
  const sample = Buffer.from(bytes.subarray(0, lf > 0 ? lf : Math.min(bytes.length, SNIFF_BYTES))).toString("utf8");
  const guessed = Papa.parse<string[]>(sample, { delimiter: "", delimitersToGuess: [...CSV_DELIMITERS], preview: 20 }).meta.delimiter;
  return (CSV_DELIMITERS as readonly string[]).includes(guessed) ? guessed : ",";
}

/**
 * Reads a file as a stream and cuts it into record-aligned chunks (constant memory, whatever the file's size):
 * CSV and TSV (the delimiter sniffed or given; the header read once, mapped to the record's fields by the file's
 * reading and handed to every chunk; quoted newlines never split a record), NDJSON / JSON Lines (cut at line ends),
 * or JSON (an array, or a preset's envelope, parsed whole and handed over in slices). A record longer than
 * `maxRecordBytes` — a file with no line break, a quote that never closes — becomes one bad record, and reading
 * goes on at the next line.
 *
 * @throws {InputFileError} if the file is missing, unreadable, of an unknown kind, its header lacks a required
 *   column, or it is not JSON of the expected shape.
 * @example
 * for await (const chunk of fileChunks("purchases.csv", "purchases", "purchases.csv", { firstId: 0 })) pool.submit(chunk);
 */
export async function* fileChunks(path: string, kind: RecordKind, source: string, options: ChunkingOptions): AsyncGenerator<ChunkTask> {
  const format = formatOf(path, source);
  let id = options.firstId;
  const reading: ResolvedReading = options.reading ?? plainReading(kind);
  if (format === "json") {
    for (const records of await jsonRecords(path, source, reading, options.encoding)) yield { id: id++, kind, source, format: "records", records };
    return;
  }
  const csv = format === "csv";
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  const maxRecord = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  const tooLong = `a record longer than ${maxRecord.toLocaleString("en-US")} bytes (a file with no line break, or a quote that never closes?): read as one bad row`;
  const unclosed = "a quote that never closes: the row is read as one bad row and reading goes on at the next line";
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let header: { plan: ColumnPlan; dialect: CsvDialect; delimiterByte: number } | undefined;
  let started = false;
  /** Skipping the rest of an over-long line until the next line feed. */
  let skipping = false;
  let skipRows = reading.skipRowsAfterHeader;

  const dataTask = (bytes: Uint8Array): ChunkTask => {
    if (!csv || header === undefined) return { id: id++, kind, source, format: "ndjson", bytes, maxRecordBytes: maxRecord };
    const task: ChunkTask = { id: id++, kind, source, format: "csv", plan: header.plan, dialect: header.dialect, bytes, skipRows: skipRows > 0 ? skipRows : undefined, maxRecordBytes: maxRecord };
    skipRows = 0;
    return task;
  };
  const badTask = (bytes: Uint8Array, problem: string): ChunkTask => ({
    id: id++,
    kind,
    source,
    format: "bad-record",
    problem,
    head: Buffer.from(bytes.subarray(0, BAD_HEAD_BYTES)).toString("utf8"),
    plan: header?.plan,
    dialect: header?.dialect,
  });
  // NDJSON records end at line feeds, whatever quotes the JSON holds (a quote-aware scan would rarely find an end).
  const recordEnd = (bytes: Uint8Array): number => {
    if (csv && header !== undefined) return lastRecordEnd(bytes, header.dialect.newline, header.delimiterByte);
    const lf = bytes.lastIndexOf(LF);
    return lf < 0 ? 0 : lf + 1;
  };
  /** Reads the header from the first bytes; false while it is not complete. */
  const readHeader = (bytes: Uint8Array, final: boolean): Uint8Array | undefined => {
    const newline = newlineOf(bytes);
    const delimiter = options.delimiter ?? (extname(path).toLowerCase() === ".tsv" ? "\t" : sniffDelimiter(bytes));
    const delimiterByte = delimiter.charCodeAt(0);
    const found = firstRecordEnd(bytes, newline, delimiterByte);
    const end = found < 0 && final ? bytes.length : found;
    if (end < 0) {
      if (bytes.length > maxRecord) throw new InputFileError(source, `the header is longer than ${maxRecord.toLocaleString("en-US")} bytes: is this a CSV file?`);
      return undefined;
    }
    const dialect: CsvDialect = { delimiter, newline };
    const names = parseCsvText(Buffer.from(bytes.subarray(0, end)).toString("utf8"), dialect).rows[0] ?? [];
    const plan: ColumnPlan = options.raw === true ? { keys: names, fields: names.map((_, column) => ({ kind: "cell", column })), header: names, extras: [] } : planColumns(names, reading, source, "header", options.naming ?? API_OPTION_NAMES);
    header = { plan, dialect, delimiterByte };
    options.onHeader?.(names, plan);
    return bytes.subarray(end);
  };

  function* cut(final: boolean): Generator<ChunkTask> {
    let bytes: Uint8Array = Buffer.concat(pending);
    pending = [];
    pendingBytes = 0;
    if (skipping) {
      const lf = bytes.indexOf(LF);
      if (lf < 0) return;
      skipping = false;
      bytes = bytes.subarray(lf + 1);
    }
    if (!started) {
      if (bytes.length === 0 && !final) return;
      // An empty file has no header and no records: nothing to read (the caller says so).
      if (bytes.length === 0) return;
      if (csv) {
        const rest = readHeader(bytes, final);
        if (rest === undefined) {
          pending = [bytes];
          pendingBytes = bytes.length;
          return;
        }
        bytes = rest;
      }
      started = true;
    }
    for (;;) {
      const end = final ? bytes.length : recordEnd(bytes);
      const tail = bytes.subarray(end);
      // A copy (Buffer's slice would be a view, possibly of the shared allocation pool): each chunk owns its memory,
      // so it can be transferred to a worker.
      const openQuote = final && csv && header !== undefined && endsInOpenQuote(bytes.subarray(recordEnd(bytes)), header.dialect.newline, header.delimiterByte);
      if (openQuote) {
        // The last record opens a quote that never closes: everything after it would be swallowed into one field.
        const complete = recordEnd(bytes);
        if (complete > 0) yield dataTask(new Uint8Array(bytes.subarray(0, complete)));
        const record = bytes.subarray(complete);
        const lf = record.indexOf(LF);
        yield badTask(record, unclosed);
        if (lf < 0) return;
        bytes = record.subarray(lf + 1);
        continue;
      }
      if (end > 0) yield dataTask(new Uint8Array(bytes.subarray(0, end)));
      if (final) return;
      if (tail.length <= maxRecord) {
        if (tail.length > 0) {
          pending = [tail];
          pendingBytes = tail.length;
        }
        return;
      }
      // The record still open is longer than the limit: report it, and go on after its first line.
      yield badTask(tail, tooLong);
      const lf = tail.indexOf(LF);
      if (lf < 0) {
        skipping = true;
        return;
      }
      bytes = tail.subarray(lf + 1);
    }
  }

  try {
    for await (const piece of utf8Pieces(path, options.encoding)) {
      if (skipping) {
        const lf = piece.indexOf(LF);
        if (lf < 0) continue;
        skipping = false;
        pending = [piece.subarray(lf + 1)];
        pendingBytes = pending[0]?.length ?? 0;
        continue;
      }
      pending.push(piece);
      pendingBytes += piece.length;
      if (pendingBytes < chunkBytes) continue;
      yield* cut(false);
    }
  } catch (error) {
    throw fileError(path, error);
  }
  if (pendingBytes > 0 || !started) yield* cut(true);
}

/** The records of a JSON file: an array of records, or what the preset's envelope reader finds in the document. */
async function jsonRecords(path: string, source: string, reading: ResolvedReading, encoding: ChunkingOptions["encoding"]): Promise<Array<readonly unknown[]>> {
  let document: unknown;
  try {
    if ((await stat(path)).size > MAX_JSON_BYTES) throw new InputFileError(source, `a JSON file over ${MAX_JSON_BYTES >> 20} MiB is parsed whole: write it as NDJSON (one record per line), which is read in chunks`);
    const bytes = await readFile(path);
    const mark = byteOrderMark(bytes);
    const text = new TextDecoder(mark?.encoding ?? encoding ?? "utf-8").decode(mark === undefined ? bytes : bytes.subarray(mark.length));
    document = text.trim() === "" ? [] : JSON.parse(text);
  } catch (error) {
    throw error instanceof SyntaxError ? new InputFileError(source, `not valid JSON (${error.message})`) : fileError(path, error);
  }
  const preset = reading.preset === undefined ? undefined : presetNamed(reading.preset);
  let records: unknown[];
  if (preset?.records !== undefined) {
    records = [];
    for (const record of preset.records(document)) records.push(record);
  } else if (Array.isArray(document)) records = document;
  else throw new InputFileError(source, "expected a JSON array of records (or a preset that reads this document's envelope)");
  const slices: Array<readonly unknown[]> = [];
  for (let from = 0; from < records.length; from += RECORDS_PER_CHUNK) slices.push(records.slice(from, from + RECORDS_PER_CHUNK));
  return slices;
}
