import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import type { RecordKind } from "../profile/record-intake.js";
import type { ChunkTask } from "./chunk-profiler.js";
import { parseCsvText } from "./csv-text.js";
import { fileError, InputFileError } from "./input-file-error.js";
import { firstRecordEnd, lastRecordEnd, newlineOf } from "./record-boundaries.js";

/** Default size of a chunk handed to one worker: large enough that the per-chunk cost vanishes, small enough to balance. */
export const DEFAULT_CHUNK_BYTES = 8 << 20;
/** Records of a JSON array are handed over in slices of this many. */
const RECORDS_PER_CHUNK = 50_000;
const BOM = [0xef, 0xbb, 0xbf];

/** Where a file's chunks start numbering, and how big they are. */
export interface ChunkingOptions {
  readonly firstId: number;
  readonly chunkBytes?: number | undefined;
}

function withoutBom(bytes: Uint8Array): Uint8Array {
  return bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2] ? bytes.subarray(3) : bytes;
}

/**
 * Reads a file as a stream and cuts it into record-aligned chunks (constant memory, whatever the file's size):
 * CSV (the header is read once and handed to every chunk; quoted newlines never split a record), NDJSON / JSON
 * Lines (one record per line), or a JSON array (parsed whole, handed over in slices).
 *
 * @throws {InputFileError} if the file is missing, unreadable, of an unknown kind, or not a JSON array.
 * @example
 * for await (const chunk of fileChunks("purchases.csv", "purchases", "purchases.csv", { firstId: 0 })) pool.submit(chunk);
 */
export async function* fileChunks(path: string, kind: RecordKind, source: string, options: ChunkingOptions): AsyncGenerator<ChunkTask> {
  const extension = extname(path).toLowerCase();
  let id = options.firstId;
  if (extension === ".json") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(path, "utf8"));
    } catch (error) {
      throw error instanceof SyntaxError ? new InputFileError(source, `not valid JSON (${error.message})`) : fileError(path, error);
    }
    if (!Array.isArray(parsed)) throw new InputFileError(source, "expected a JSON array of records");
    for (let from = 0; from < parsed.length || from === 0; from += RECORDS_PER_CHUNK) {
      yield { id: id++, kind, source, format: "records", records: parsed.slice(from, from + RECORDS_PER_CHUNK) };
      if (parsed.length === 0) break;
    }
    return;
  }
  const csv = extension === ".csv";
  if (!csv && extension !== ".ndjson" && extension !== ".jsonl") {
    throw new InputFileError(source, `unknown file kind "${extension}": expected .csv, .json, .ndjson or .jsonl`);
  }
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let header: { names: readonly string[]; newline: "\n" | "\r\n" } | undefined;
  let first = true;
  const take = (final: boolean): Uint8Array | undefined => {
    let bytes: Uint8Array = Buffer.concat(pending);
    if (first) {
      bytes = withoutBom(bytes);
      if (csv) {
        const newline = newlineOf(bytes);
        const found = firstRecordEnd(bytes, newline);
        const end = found < 0 && final ? bytes.length : found;
        if (end < 0) return undefined; // the header is not complete yet
        const names = parseCsvText(Buffer.from(bytes.subarray(0, end)).toString("utf8"), newline).rows[0] ?? [];
        header = { names, newline };
        bytes = bytes.subarray(end);
      }
      first = false;
    }
    const end = final ? bytes.length : csv ? lastRecordEnd(bytes, header?.newline ?? "\n") : lastRecordEnd(bytes, "\n");
    // A copy (Buffer's slice would be a view, possibly of the shared allocation pool): each chunk owns its memory,
    // so it can be transferred to a worker.
    const chunk = new Uint8Array(bytes.subarray(0, end));
    const rest = bytes.subarray(end);
    pending = rest.length > 0 ? [rest] : [];
    pendingBytes = rest.length;
    return chunk;
  };
  const task = (bytes: Uint8Array): ChunkTask =>
    csv && header !== undefined
      ? { id: id++, kind, source, format: "csv", header: header.names, newline: header.newline, bytes }
      : { id: id++, kind, source, format: "ndjson", bytes };
  try {
    for await (const piece of createReadStream(path, { highWaterMark: 1 << 20 })) {
      pending.push(piece as Buffer);
      pendingBytes += (piece as Buffer).length;
      if (pendingBytes < chunkBytes) continue;
      const bytes = take(false);
      if (bytes !== undefined && bytes.length > 0) yield task(bytes);
    }
  } catch (error) {
    throw fileError(path, error);
  }
  const bytes = pendingBytes > 0 || first ? take(true) : undefined;
  if (bytes !== undefined && bytes.length > 0 && (header !== undefined || !csv)) yield task(bytes);
}
