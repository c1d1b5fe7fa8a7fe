import * as z from "zod";
import { ownString } from "../text/own-string.js";

/** Marks a key a record does not have (as opposed to one it has with the value `undefined`). */
export const ABSENT: unique symbol = Symbol("absent");

/** What was wrong with one field of a record: the dotted path of the field and what was expected. */
export interface FieldIssue {
  readonly field: string;
  readonly message: string;
}

/** The verdict on one record: the validated record, or every issue found in it. */
export type RecordVerdict<T> = { readonly ok: true; readonly record: T } | { readonly ok: false; readonly issues: readonly FieldIssue[] };

/** One field's contribution to the validated record. */
interface FieldVerdict {
  /** Whether the output record has the key (zod keeps a key the input had, even when its value is undefined). */
  readonly present: boolean;
  readonly value: unknown;
  readonly issues: readonly FieldIssue[] | undefined;
}

// A field whose raw values repeat (dates, amounts, categories, flags) is validated once per distinct value. A field
// whose values are mostly new (IDs, order numbers) fills its cache and then, when fewer than half its lookups hit,
// stops caching: a miss costs a lookup and the parse, so below that the cache costs more than it saves. Long text is
// never cached: it rarely repeats exactly, and a cached key would keep alive the whole chunk it was cut from.
const CACHE_MAX_ENTRIES = 1 << 16;
const CACHE_MIN_HIT_RATE = 0.5;
const CACHE_MAX_KEY_LENGTH = 32;

function toIssues(error: z.ZodError, key: string): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: [key, ...issue.path.map(String)].join("."),
    message: issue.message,
  }));
}

/** Values a verdict may be shared for: primitives compare by value in a `Map` (−0 would be read as 0, so not it). */
function cacheable(raw: unknown): raw is string | number | boolean | bigint {
  const kind = typeof raw;
  if (kind === "string") return (raw as string).length <= CACHE_MAX_KEY_LENGTH;
  return kind === "boolean" || kind === "bigint" || (kind === "number" && !Object.is(raw, -0));
}


/** One key of an object schema, with its verdicts memoised per distinct raw value. */
class FieldCheck {
  private cache: Map<unknown, FieldVerdict> | undefined = new Map();
  private lookups = 0;
  private hits = 0;
  private absentVerdict: FieldVerdict | undefined;

  constructor(
    readonly key: string,
    private readonly schema: z.ZodType,
    /** Values zod already accepted unchanged (see {@link RecordValidatorOptions.accepted}). */
    private readonly accepted?: (raw: string) => boolean,
  ) {}

  /** The verdict on a value the input record holds under this key (it may be `undefined`). */
  present(raw: unknown): FieldVerdict {
    const cache = this.cache;
    if (cache === undefined || !cacheable(raw)) return this.parse(raw);
    this.lookups += 1;
    const seen = cache.get(raw);
    if (seen !== undefined) {
      this.hits += 1;
      return seen;
    }
    const verdict = this.parse(raw);
    this.remember(raw, verdict);
    return verdict;
  }

  /**
   * The verdict when the input record lacks the key. zod's object decides it from the field's optionality (absent
   * and optional contributes nothing; absent and required is an issue), so ask a one-key object once.
   */
  absent(): FieldVerdict {
    if (this.absentVerdict === undefined) {
      const parsed = z.object({ [this.key]: this.schema }).safeParse({});
      this.absentVerdict = parsed.success
        ? { present: Object.hasOwn(parsed.data, this.key), value: (parsed.data as Record<string, unknown>)[this.key], issues: undefined }
        : { present: false, value: undefined, issues: parsed.error.issues.map((issue) => ({ field: issue.path.map(String).join("."), message: issue.message })) };
    }
    return this.absentVerdict;
  }

  /**
   * Validates a column of raw values (`ABSENT` where a record lacks the key), writing each value's output into
   * `values` and its issues (or `undefined`) into `issues`: cached values are looked up, and the values left are
   * parsed in one zod call over an array — the same verdicts as a call each, without paying zod's per-call cost on
   * every cell of a column of IDs or order numbers.
   */
  column(raws: readonly unknown[], count: number, values: unknown[], issues: Array<readonly FieldIssue[] | undefined>): void {
    const pending: number[] = [];
    const slots: number[] = [];
    const unique: unknown[] = [];
    const firstOf = this.cache === undefined ? undefined : new Map<unknown, number>();
    for (let row = 0; row < count; row += 1) {
      const raw = raws[row];
      if (raw === ABSENT) {
        const absent = this.absent();
        values[row] = absent.value;
        issues[row] = absent.issues;
        continue;
      }
      if (this.accepted !== undefined && typeof raw === "string" && this.accepted(raw)) {
        values[row] = raw;
        issues[row] = undefined;
        continue;
      }
      if (firstOf !== undefined && cacheable(raw)) {
        this.lookups += 1;
        const seen = this.cache?.get(raw);
        if (seen !== undefined) {
          this.hits += 1;
          values[row] = seen.value;
          issues[row] = seen.issues;
          continue;
        }
        // The same new value twice in a batch is parsed once (and counts as a hit: the cache would have served it).
        const first = firstOf.get(raw);
        if (first !== undefined) {
          this.hits += 1;
          pending.push(row);
          slots.push(first);
          continue;
        }
        firstOf.set(raw, unique.length);
      }
      pending.push(row);
      slots.push(unique.length);
      unique.push(raw);
    }
    if (unique.length === 0) return;
    this.arraySchema ??= z.array(this.schema);
    const parsed = this.arraySchema.safeParse(unique);
    // A bad value in the batch: zod gives no data then, so ask value by value for each one's verdict.
    const verdicts = parsed.success ? undefined : unique.map((raw) => this.parse(raw));
    for (let index = 0; index < pending.length; index += 1) {
      const row = pending[index] as number;
      const slot = slots[index] as number;
      values[row] = verdicts === undefined ? (parsed.data as unknown[])[slot] : (verdicts[slot] as FieldVerdict).value;
      issues[row] = verdicts === undefined ? undefined : (verdicts[slot] as FieldVerdict).issues;
    }
    if (this.cache !== undefined && firstOf !== undefined) {
      for (let slot = 0; slot < unique.length; slot += 1) {
        const verdict = verdicts?.[slot] ?? { present: true, value: (parsed.data as unknown[])[slot], issues: undefined };
        this.remember(unique[slot], verdict);
      }
    }
  }

  private arraySchema: z.ZodArray<z.ZodType> | undefined;

  private remember(raw: unknown, verdict: FieldVerdict): void {
    const cache = this.cache;
    if (cache === undefined || !cacheable(raw)) return;
    if (cache.size >= CACHE_MAX_ENTRIES) {
      if (this.hits < this.lookups * CACHE_MIN_HIT_RATE) this.cache = undefined;
      return;
    }
    // A verdict holding an object other than a Date would be shared between records: do not cache it.
    const shareable = typeof verdict.value !== "object" || verdict.value === null || verdict.value instanceof Date;
    if (shareable) cache.set(typeof raw === "string" ? ownString(raw) : raw, verdict);
  }

  private parse(raw: unknown): FieldVerdict {
    const parsed = this.schema.safeParse(raw);
    return parsed.success ? { present: true, value: parsed.data, issues: undefined } : { present: true, value: undefined, issues: toIssues(parsed.error, this.key) };
  }
}

function appendIssues(issues: FieldIssue[] | undefined, more: readonly FieldIssue[]): FieldIssue[] {
  const list = issues ?? [];
  for (const issue of more) list.push(issue);
  return list;
}

/**
 * A record's verdict from `schema.safeParse` itself: each zod issue named by its dotted path, `(record)` for the
 * record as a whole (not an object at all).
 *
 * @example
 * schemaVerdict(purchaseSchema, "not a record"); //=> { ok: false, issues: [{ field: "(record)", message: "Invalid input: expected object, received string" }] }
 */
export function schemaVerdict<S extends z.ZodType>(schema: S, raw: unknown): RecordVerdict<z.output<S>> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, record: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((issue) => ({ field: issue.path.length > 0 ? issue.path.map(String).join(".") : "(record)", message: issue.message })) };
}

function isRecordObject(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === "object" && raw !== null && !Array.isArray(raw);
}

/** Options of {@link RecordValidator}. */
export interface RecordValidatorOptions {
  /**
   * Per key, a test for text values zod has already accepted *unchanged* (its output was the very same text), so
   * they need no second asking: zod's verdict depends on the value alone. The profile builder's customer index is
   * one — every ID in it is an ID zod returned — which spares the one column that cannot be memoised.
   */
  readonly accepted?: Readonly<Record<string, (raw: string) => boolean>> | undefined;
}

/**
 * Validates records against a zod object schema field by field, with the same result as `schema.safeParse` (the
 * same output, the same issues in the same order) but much faster on real exports: each field's verdict is
 * memoised per distinct raw value, so a column of dates or amounts is validated once per distinct cell, not once
 * per row. zod stays the only judge of every value; this only avoids asking it the same question twice.
 *
 * The schema must be a plain `z.object` (no object-level refinements or transforms); unknown keys are ignored, as
 * zod's default object does.
 *
 * @example
 * const purchases = new RecordValidator(purchaseSchema);
 * purchases.validate({ customerId: "c1", date: "2026-01-05", amount: "12.50" });
 * //=> { ok: true, record: { customerId: "c1", date: 2026-01-05T00:00:00.000Z, amount: 12.5 } }
 */
export class RecordValidator<T> {
  private readonly fields: readonly FieldCheck[];

  constructor(
    private readonly schema: z.ZodObject<z.ZodRawShape, z.core.$strip> & z.ZodType<T>,
    options: RecordValidatorOptions = {},
  ) {
    this.fields = Object.keys(schema.shape).map((key) => new FieldCheck(key, schema.shape[key] as z.ZodType, options.accepted?.[key]));
  }

  /** The schema's keys, in order. */
  get keys(): readonly string[] {
    return this.fields.map((field) => field.key);
  }

  /**
   * Validates one record given as an object (typed values from code, or a row of strings).
   *
   * @example
   * new RecordValidator(purchaseSchema).validate({ customerId: "c1", date: "soon", amount: 1 });
   * //=> { ok: false, issues: [{ field: "date", message: "expected a date: YYYY-MM-DD, YYYYMMDD or an ISO date-time" }] }
   */
  validate(raw: unknown): RecordVerdict<T> {
    if (!isRecordObject(raw)) return this.wholeRecord(raw);
    const record: Record<string, unknown> = {};
    let issues: FieldIssue[] | undefined;
    for (const field of this.fields) {
      const verdict = field.key in raw ? field.present(raw[field.key]) : field.absent();
      if (verdict.issues !== undefined) issues = appendIssues(issues, verdict.issues);
      // A memoised Date is shared by every record with that cell: each record gets its own copy.
      else if (verdict.present) record[field.key] = verdict.value instanceof Date ? new Date(verdict.value.getTime()) : verdict.value;
    }
    return issues === undefined ? { ok: true, record: record as T } : { ok: false, issues };
  }

  /**
   * Validates a batch of records given column by column: `columns[k][row]` is the raw value of key k in record
   * `row` (or `ABSENT`). Each field validates its whole column at once (see `FieldCheck.column`). Returns the
   * validated values column by column (`values[k][row]`, in key order) and each record's issues, `undefined` for a
   * valid record; both are reused by the next call.
   *
   * @example
   * const { values, issues } = validator.checkColumns([ids, dates, amounts], 3);
   */
  checkColumns(columns: readonly (readonly unknown[])[], count: number): { readonly values: readonly (readonly unknown[])[]; readonly issues: ReadonlyArray<readonly FieldIssue[] | undefined> } {
    const fields = this.fields;
    const batch = (this.batch ??= { values: fields.map(() => []), fieldIssues: fields.map(() => []), issues: [] });
    fields.forEach((field, index) => field.column(columns[index] ?? [], count, batch.values[index] as unknown[], batch.fieldIssues[index] as Array<readonly FieldIssue[] | undefined>));
    for (let row = 0; row < count; row += 1) {
      let issues: FieldIssue[] | undefined;
      for (let index = 0; index < fields.length; index += 1) {
        const found = (batch.fieldIssues[index] as Array<readonly FieldIssue[] | undefined>)[row];
        if (found !== undefined) issues = appendIssues(issues, found);
      }
      batch.issues[row] = issues;
    }
    return batch;
  }

  private batch: { values: unknown[][]; fieldIssues: Array<Array<readonly FieldIssue[] | undefined>>; issues: Array<readonly FieldIssue[] | undefined> } | undefined;

  private wholeRecord(raw: unknown): RecordVerdict<T> {
    return schemaVerdict(this.schema, raw);
  }
}
