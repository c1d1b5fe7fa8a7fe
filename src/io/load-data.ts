import { RECORD_KINDS, type RecordKind } from "../profile/record-intake.js";
import type { AdvocateData } from "../schema/validate-data.js";
import { dataFilesSchema, readOptionsSchema } from "../schema/file-options.js";
import { columnMappingsSchema, sourceReadingsSchema } from "../schema/reading.js";
import { parseOptions } from "../schema/parse-options.js";
import { SOURCE_FILES, type SourceFileNote } from "../schema/record-origin.js";
import type { OptionNaming } from "../schema/columns/source-reading.js";
import { chunkRecords, chunkRowCount, type OriginRecord } from "./chunk-records.js";
import { fileChunks } from "./file-chunks.js";
import { listInputFiles, type DataFileSets } from "./input-files.js";
import { InputFileError } from "./input-file-error.js";
import * as z from "zod";

/** File paths of the sources to read: per kind one path, a `{ file, preset, columns, … }` source, or several. */
export type DataFiles = DataFileSets;

/** Loaded data plus the file names to report problems against. */
export interface LoadedData {
  /** Records in the library's fields, each carrying its file, row and value rules (so any reader reports alike). */
  readonly data: AdvocateData;
  /** Each kind's file name (the first file's, when there are several): every record also carries its own. */
  readonly sourceNames: { customers: string; purchases: string; surveys: string; social: string };
}

/** How `loadData` reads: the column mapping and per-kind readings, and the record-length limit. */
export interface LoadOptions {
  readonly columns?: z.input<typeof columnMappingsSchema> | undefined;
  readonly sources?: z.input<typeof sourceReadingsSchema> | undefined;
  readonly maxRecordBytes?: number | undefined;
  readonly naming?: OptionNaming | undefined;
}

const loadOptionsSchema = z.strictObject({
  columns: columnMappingsSchema.optional(),
  sources: sourceReadingsSchema.optional(),
  maxRecordBytes: readOptionsSchema.shape.maxRecordBytes,
  naming: readOptionsSchema.shape.naming,
});

/**
 * Reads the given files (CSV, TSV, JSON or NDJSON, in any of the layouts `profileFiles` reads: presets, column
 * mapping, date and decimal formats, delimiters and encodings) into records for `identifyAdvocates`. A row that
 * cannot be read is not a file error: it becomes a bad record that `identifyAdvocates` reports (or, leniently,
 * skips) by row, exactly as `profileFiles` does, with the same row numbers. Each record carries its file and row,
 * so problems and citations name them.
 *
 * @throws {InputFileError} if a file is missing, unreadable, of an unknown kind, or its header lacks a required
 *   column; if a customers file holds no records (unless `allowEmpty`).
 * @example
 * const { data, sourceNames } = await loadData({ purchases: { file: "orders_export.csv", preset: "shopify-orders" }, surveys: "surveys.csv" });
 * identifyAdvocates(data, { sourceNames });
 */
export async function loadData(files: DataFiles, options: LoadOptions = {}): Promise<LoadedData> {
  parseOptions(dataFilesSchema, files, "loadData (files)");
  const resolved = parseOptions(loadOptionsSchema, options, "loadData (options)");
  const listed = listInputFiles(files, resolved, options.naming);
  const data: Partial<Record<RecordKind, OriginRecord[]>> = {};
  const notes: Partial<Record<RecordKind, SourceFileNote[]>> = {};
  let id = 0;
  for (const file of listed) {
    const records = (data[file.kind] ??= []);
    (notes[file.kind] ??= []).push({ source: file.source, allowEmpty: file.allowEmpty });
    let rows = 0;
    const before = records.length;
    const chunking = { firstId: id, maxRecordBytes: options.maxRecordBytes, reading: file.reading, delimiter: file.delimiter, encoding: file.encoding, naming: options.naming };
    for await (const chunk of fileChunks(file.path, file.kind, file.source, chunking)) {
      id = chunk.id + 1;
      let inChunk = 0;
      // No spread into push: a million records would overflow the call stack.
      for (const record of chunkRecords(chunk, file.reading, rows)) {
        records.push(record);
        inChunk += 1;
      }
      rows += chunkRowCount(chunk, inChunk);
    }
    if (file.kind === "customers" && records.length === before && !file.allowEmpty) {
      throw new InputFileError(file.source, "the customers file holds no records, so no opt-out could be read from it; give the right file, or allowEmpty: true (CLI --allow-empty customers) if it is empty on purpose");
    }
  }
  for (const kind of RECORD_KINDS) {
    const records = data[kind];
    if (records !== undefined) Object.defineProperty(records, SOURCE_FILES, { value: notes[kind], enumerable: false });
  }
  const name = (kind: RecordKind) => listed.find((file) => file.kind === kind)?.source ?? kind;
  return {
    data: data as AdvocateData,
    sourceNames: { customers: name("customers"), purchases: name("purchases"), surveys: name("surveys"), social: name("social") },
  };
}
