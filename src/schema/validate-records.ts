import * as z from "zod";
import type { InputProblem, RecordRef } from "./problem.js";
import type { ValueRules } from "./fields.js";
import { originOf } from "./record-origin.js";
import { RecordValidator, schemaVerdict, type RecordVerdict } from "./record-validator.js";

/** A validated record together with where it came from, so every score and talking point can cite it. */
export interface Located<T> {
  readonly record: T;
  readonly ref: RecordRef;
}

/** What validating one source yields: the good records and one problem per bad field. */
export interface SourceValidation<T> {
  readonly records: Located<T>[];
  readonly problems: InputProblem[];
  /** Rows that failed validation (each may have several problems). */
  readonly rejectedRows: number;
}

/**
 * Validates every row of one source against a zod schema, keeping the good ones with their row reference and
 * turning each zod issue into a problem that names the source, the 1-based row and the field. Object schemas are
 * checked field by field with memoised verdicts ({@link RecordValidator}): the same result, several times faster.
 *
 * @example
 * const { records, problems } = validateRecords(purchaseSchema, [{ customerId: "a", date: "2024-01-02", amount: "x" }], "purchases");
 * problems[0]; //=> { source: "purchases", row: 1, field: "amount", message: "expected a number" }
 */
export function validateRecords<S extends z.ZodType>(
  schema: S,
  rows: Iterable<unknown>,
  source: string,
  firstRow = 1,
  schemaFor?: (rules: ValueRules) => S,
  /** Fields one of which a record must have (the keys that name its customer). */
  identity: readonly string[] = [],
): SourceValidation<z.output<S>> {
  const records: Located<z.output<S>>[] = [];
  const problems: InputProblem[] = [];
  let rejectedRows = 0;
  let row = firstRow;
  const validate = verdictsOf(schema);
  const byRules = new Map<ValueRules, (raw: unknown) => RecordVerdict<z.output<S>>>();
  for (const raw of rows) {
    // A record read from a file names its own file and row, and may be a row that could not be read at all.
    const origin = originOf(raw);
    const ref = origin === undefined ? { source, row } : { source: origin.source, row: origin.row };
    row += 1;
    if (origin?.leftOut !== undefined) continue;
    if (origin?.problem !== undefined) {
      rejectedRows += 1;
      problems.push({ ...ref, field: "(record)", message: origin.problem });
      continue;
    }
    let check = validate;
    if (origin?.rules !== undefined && schemaFor !== undefined) {
      const rules = origin.rules;
      check = byRules.get(rules) ?? verdictsOf(schemaFor(rules));
      byRules.set(rules, check);
    }
    const verdict = check(raw);
    if (verdict.ok && identity.length > 0 && !identity.some((field) => (verdict.record as Record<string, unknown>)[field] !== undefined)) {
      rejectedRows += 1;
      problems.push({ ...ref, field: identity[0] as string, message: `expected a customer ID${identity.length > 1 ? ` (or ${identity.slice(1).join(" or ")}, to join on)` : ""}` });
    } else if (verdict.ok) {
      records.push({ record: verdict.record, ref });
    } else {
      rejectedRows += 1;
      for (const issue of verdict.issues) problems.push({ ...ref, field: issue.field, message: issue.message });
    }
  }
  return { records, problems, rejectedRows };
}

function verdictsOf<S extends z.ZodType>(schema: S): (raw: unknown) => RecordVerdict<z.output<S>> {
  if (schema instanceof z.ZodObject) {
    const validator = new RecordValidator<z.output<S>>(schema as never);
    return (raw) => validator.validate(raw);
  }
  return (raw) => schemaVerdict(schema, raw);
}
