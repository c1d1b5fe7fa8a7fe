import type { ValueRules } from "./fields.js";

/**
 * Where a record read from a file came from, carried on the record under a symbol key (so it never collides with a
 * field, and zod never sees it): its file and row, how its values are written, and — for a row that could not be
 * read as a record at all — what was wrong, so the validator reports it (or, leniently, skips it) by the same rule
 * whichever way the file was read.
 */
export interface RecordOrigin {
  readonly source: string;
  readonly row: number;
  readonly rules?: ValueRules | undefined;
  /** The row could not be read as a record: a ragged or malformed CSV row, an over-long record, invalid JSON. */
  readonly problem?: string | undefined;
  /** Candidate customer IDs of a bad customers row that could carry an opt-out (excluded, to be safe). */
  readonly customerIds?: readonly string[] | undefined;
  /** A row the reading leaves out for a stated reason (a preset's continuation rows): counted, not validated. */
  readonly leftOut?: string | undefined;
}

/** The symbol key of a record's {@link RecordOrigin}. */
export const RECORD_ORIGIN: unique symbol = Symbol.for("brand-advocates.record-origin");

/**
 * The origin a record carries, if any.
 *
 * @example
 * originOf({ [RECORD_ORIGIN]: { source: "orders.csv", row: 3 } })?.row; //=> 3
 */
export function originOf(record: unknown): RecordOrigin | undefined {
  return typeof record === "object" && record !== null ? ((record as { [RECORD_ORIGIN]?: RecordOrigin })[RECORD_ORIGIN] ?? undefined) : undefined;
}

/** A file that records of one kind were read from (kept beside them, so a file with no records still gets its warning). */
export interface SourceFileNote {
  readonly source: string;
  readonly allowEmpty: boolean;
}

/** The symbol key, on an array of loaded records, of the files they were read from. */
export const SOURCE_FILES: unique symbol = Symbol.for("brand-advocates.source-files");
