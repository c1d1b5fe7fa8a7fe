import type { ResolvedReading } from "../schema/columns/source-reading.js";
import type { ColumnPlan } from "../schema/columns/column-plan.js";
import { RecordMapper } from "../schema/columns/record-mapper.js";
import type { ExportPreset } from "../schema/presets/export-preset.js";
import { presetNamed } from "../schema/presets/index.js";
import { RECORD_ORIGIN, type RecordOrigin } from "../schema/record-origin.js";
import type { ChunkTask } from "./chunk-profiler.js";
import { CsvRowReader } from "./csv-columns.js";
import { forEachCsvRow } from "./csv-text.js";
import { decodeChunk } from "./text-decoding.js";

/** A record in the library's fields (or a bad row), with where it came from. */
export type OriginRecord = Record<string, unknown> & { readonly [RECORD_ORIGIN]: RecordOrigin };

/**
 * The customer IDs a row that could not be read may name: the cell in the customer-ID column counted from the
 * start, and counted from the end (an unquoted delimiter in an earlier cell shifts the rest).
 *
 * @example
 * candidateIds(["C1", "Smith", " Ann", "yes"], plan); //=> ["C1"] (header customerId,name,optedOut)
 */
export function candidateIds(cells: readonly string[], plan: ColumnPlan): string[] {
  const field = plan.fields[plan.keys.indexOf("customerId")];
  // Only a source that reads opt-outs can lose one to a broken row.
  if (field?.kind !== "cell" || !readsOptOut(plan)) return [];
  const last = plan.header.length - 1;
  // The first column cannot be shifted by a stray delimiter after it, nor the last by one before it; a column in
  // between could be either way, so both readings are taken (excluding one customer too many is the safe error).
  const fromStart = field.column === last && cells.length !== plan.header.length ? undefined : cells[field.column];
  const fromEnd = field.column === 0 ? undefined : cells[cells.length - (plan.header.length - field.column)];
  return [...new Set([fromStart, fromEnd].filter((cell): cell is string => cell !== undefined && cell.trim() !== ""))];
}

/**
 * Whether a plan reads an opt-out column (so a row of it that cannot be read could be the one carrying an objection).
 *
 * @example
 * readsOptOut(planColumns(["customerId", "optedOut"], reading, "customers.csv")); //=> true
 */
export function readsOptOut(plan: ColumnPlan): boolean {
  return plan.fields[plan.keys.indexOf("optedOut")]?.kind === "cell";
}

/**
 * Why a row is too long to be a record, if it is: longer than `maxRecordBytes` (counted in characters, a close
 * measure of its bytes). The chunker catches longer records before they are read into memory; this catches those
 * that fit in a chunk, so the limit holds whatever the chunk size.
 *
 * @example
 * tooLong(["c1", "x".repeat(100)], 64); //=> "a record longer than 64 bytes: read as one bad row"
 */
export function tooLong(cells: readonly string[] | string, maxRecordBytes: number | undefined): string | undefined {
  if (maxRecordBytes === undefined) return undefined;
  let length = 0;
  if (typeof cells === "string") length = cells.length;
  else for (const cell of cells) length += cell.length + 1;
  return length > maxRecordBytes ? `a record longer than ${maxRecordBytes.toLocaleString("en-US")} bytes: read as one bad row` : undefined;
}

function withOrigin(record: Record<string, unknown>, origin: RecordOrigin): OriginRecord {
  Object.defineProperty(record, RECORD_ORIGIN, { value: origin, enumerable: false });
  return record as OriginRecord;
}

/** A preset's adapter applied to a mapped record: the record to validate, or the stated reason it is left out. */
function adapted(preset: ExportPreset | undefined, record: Record<string, unknown>): Record<string, unknown> | { readonly skip: string } {
  return preset?.adapt === undefined ? record : preset.adapt(record);
}

/**
 * The records of one chunk of a file, each in the library's fields (mapped by the file's reading, adapted by its
 * preset) and carrying its origin — its file, its row (`rowBase` + its place in the chunk), its value rules; a row
 * that could not be read carries what was wrong instead (and, from a customers file, the customer IDs it may
 * name), a row the preset leaves out its reason. One rule for every way of reading a file: `loadData` validates
 * these records later, the file profiler at once, and both report the same rows by the same numbers.
 *
 * @example
 * for (const record of chunkRecords(task, reading, 0)) intake.add(task.kind, record, originOf(record)!);
 */
export function* chunkRecords(task: ChunkTask, reading: ResolvedReading, rowBase: number): Generator<OriginRecord> {
  const preset = reading.preset === undefined ? undefined : presetNamed(reading.preset);
  const origin = (row: number, extra: Partial<RecordOrigin> = {}): RecordOrigin => ({ source: task.source, row: rowBase + row, rules: reading.rules, ...extra });
  const emit = (record: Record<string, unknown>, row: number): OriginRecord => {
    const result = adapted(preset, record);
    if ("skip" in result && typeof result.skip === "string" && Object.keys(result).length === 1) return withOrigin(Object.create(null) as Record<string, unknown>, origin(row, { leftOut: result.skip }));
    return withOrigin(result as Record<string, unknown>, origin(row));
  };
  const bad = (row: number, problem: string, customerIds: readonly string[] = []): OriginRecord => withOrigin(Object.create(null) as Record<string, unknown>, origin(row, { problem, customerIds }));
  if (task.format === "csv") {
    const reader = new CsvRowReader(task.plan);
    const width = task.plan.header.length;
    const skip = task.skipRows ?? 0;
    const records: OriginRecord[] = [];
    forEachCsvRow(decodeChunk(task.bytes).text, task.dialect, (cells, index, malformed) => {
      if (index < skip) return;
      const problem = malformed ?? (cells.length === width ? undefined : `expected ${width} cells, as in the header; found ${cells.length}`) ?? tooLong(cells, task.maxRecordBytes);
      if (problem !== undefined) {
        records.push(bad(index + 1, problem, task.kind === "customers" ? candidateIds(cells, task.plan) : []));
        return;
      }
      reader.cells = cells;
      records.push(emit(reader.record(), index + 1));
    });
    yield* records;
    return;
  }
  if (task.format === "bad-record") {
    let ids: string[] = [];
    if (task.kind === "customers" && task.plan !== undefined && task.dialect !== undefined) {
      const plan = task.plan;
      forEachCsvRow(task.head.split(/\r?\n/, 1)[0] ?? "", task.dialect, (cells, index) => {
        if (index === 0) ids = candidateIds(cells, plan);
      });
    }
    yield bad(1, task.problem, ids);
    return;
  }
  const mapper = new RecordMapper(reading, task.source);
  const mapped = (raw: unknown, row: number): OriginRecord =>
    typeof raw === "object" && raw !== null && !Array.isArray(raw) ? emit(mapper.map(raw) as Record<string, unknown>, row) : bad(row, `expected a record (a JSON object), got ${Array.isArray(raw) ? "an array" : raw === null ? "null" : `a ${typeof raw}`}`);
  if (task.format === "records") {
    let row = 0;
    for (const raw of task.records) yield mapped(raw, (row += 1));
    return;
  }
  let row = 0;
  for (const line of decodeChunk(task.bytes).text.split("\n")) {
    if (line.trim() === "") continue;
    row += 1;
    const long = tooLong(line, task.maxRecordBytes);
    if (long !== undefined) {
      yield bad(row, long);
      continue;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      yield bad(row, "expected a JSON object on the line (not valid JSON)");
      continue;
    }
    yield mapped(raw, row);
  }
}

/** Records in a chunk (what its rows count as for numbering the next chunk's rows). */
export function chunkRowCount(task: ChunkTask, records: number): number {
  return task.format === "csv" ? records + (task.skipRows ?? 0) : records;
}
