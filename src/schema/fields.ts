import * as z from "zod";

/**
 * Reusable zod field types. Every input arrives either typed (from code) or as text (from CSV), so each field
 * accepts both and normalises: an empty CSV cell means "absent", numbers and booleans may come as strings.
 */

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const COMPACT_DATE = /^\d{8}$/;
// ISO 8601 date-time with optional seconds, fraction and zone.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Largest money amount one record may carry. Anything larger is a unit or parsing error, and bounding it keeps
 * every sum finite (a million purchases at the cap still sum to 1e18, far from overflow).
 */
export const MAX_AMOUNT = 1e12;
/** Largest audience or engagement count one record may carry (more than the number of people alive). */
export const MAX_COUNT = 1e10;

/**
 * Turns an empty or whitespace-only CSV cell into `undefined`, so optional fields stay optional.
 *
 * @example
 * blankToUndefined("  "); //=> undefined
 * blankToUndefined("12"); //=> "12"
 */
export function blankToUndefined(value: unknown): unknown {
  return typeof value === "string" && value.trim() === "" ? undefined : value;
}

function parseDateText(text: string): Date | undefined {
  const trimmed = text.trim();
  const written = DATE_ONLY.test(trimmed)
    ? trimmed
    : COMPACT_DATE.test(trimmed)
      ? `${trimmed.slice(0, 4)}-${trimmed.slice(4, 6)}-${trimmed.slice(6, 8)}`
      : DATE_TIME.test(trimmed)
        ? trimmed.replace(" ", "T")
        : undefined;
  if (written === undefined || !calendarDayExists(written.slice(0, 10))) return undefined;
  // Date-only values are calendar days, read as UTC midnight (local midnight would move with DST); a date-time
  // without a zone is taken as UTC too, so results never depend on the machine's time zone.
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(written);
  const ms = Date.parse(written.length === 10 ? `${written}T00:00:00Z` : hasZone ? written : `${written}Z`);
  return Number.isFinite(ms) ? new Date(ms) : undefined;
}

/** Date.parse rolls 2024-02-30 over to March 1st; a day that does not exist is an input error instead. */
function calendarDayExists(isoDay: string): boolean {
  const [year, month, day] = isoDay.split("-").map(Number) as [number, number, number];
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/**
 * A date: a `Date`, an ISO date (`2024-03-10`, read as that UTC calendar day), a compact date (`20240310`) or an
 * ISO date-time (`2024-03-10T14:00:00Z`; no zone means UTC). Years outside 1900–2200 are rejected as typos.
 */
export const dateField: z.ZodType<Date, Date | string> = z.preprocess(
  (value) => {
    const blank = blankToUndefined(value);
    if (typeof blank === "string") return parseDateText(blank) ?? blank;
    return blank;
  },
  z
    .date({ error: "expected a date: YYYY-MM-DD, YYYYMMDD or an ISO date-time" })
    .refine((date) => !Number.isNaN(date.getTime()), { message: "expected a valid date" })
    .refine((date) => date.getUTCFullYear() >= 1900 && date.getUTCFullYear() <= 2200, {
      message: "expected a date between the years 1900 and 2200",
    }),
) as unknown as z.ZodType<Date, Date | string>;

/** A finite number, written as a number or as text (`"12.50"`); NaN and Infinity are rejected. */
export const numberField: z.ZodType<number, number | string> = z.preprocess((value) => {
  const blank = blankToUndefined(value);
  if (typeof blank === "string") {
    const parsed = Number(blank.trim());
    return Number.isNaN(parsed) ? blank : parsed;
  }
  return blank;
}, z.number({ error: "expected a number" }).finite({ error: "expected a finite number" })) as unknown as z.ZodType<number, number | string>;

const TRUE_WORDS = new Set(["true", "yes", "y", "1"]);
const FALSE_WORDS = new Set(["false", "no", "n", "0"]);

/** A boolean, written as `true`/`false`, `yes`/`no`, `y`/`n` or `1`/`0` in any case. */
export const booleanField: z.ZodType<boolean, boolean | string | number> = z.preprocess((value) => {
  const blank = blankToUndefined(value);
  if (typeof blank === "string") {
    const word = blank.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
  }
  if (blank === 1) return true;
  if (blank === 0) return false;
  return blank;
}, z.boolean({ error: "expected true or false" })) as unknown as z.ZodType<boolean, boolean | string | number>;

/** A non-empty identifier; numbers are accepted and kept as text so `00042` and `42` stay distinct in CSV. */
export const idField: z.ZodType<string, string | number> = z.preprocess(
  (value) => (typeof value === "number" && Number.isFinite(value) ? String(value) : value),
  z.string({ error: "expected a non-empty identifier" }).trim().min(1, { error: "expected a non-empty identifier" }),
) as unknown as z.ZodType<string, string | number>;

/**
 * Makes a field optional, treating an empty CSV cell as absent. (The casts only restore the input type that
 * `z.preprocess` erases to `unknown`, so callers see `Date | string` rather than `unknown`.)
 *
 * @example
 * optional(numberField).parse(""); //=> undefined
 * optional(numberField).parse("4.5"); //=> 4.5
 */
export function optional<Output, Input>(schema: z.ZodType<Output, Input>) {
  return (z.preprocess(blankToUndefined, schema.optional()) as unknown as z.ZodType<Output | undefined, Input | undefined>).optional();
}

/** Optional free text; an empty cell is absent. */
export const textField = optional(z.string({ error: "expected text" }));

/**
 * A map field (`answers`, `handles`) whose keys are data. zod builds records as plain objects, where a `__proto__`
 * key would be dropped without a word; such a key is reported as an input error instead.
 *
 * @example
 * keyedRecord(z.number()).safeParse(JSON.parse('{"__proto__": 1}')).success; //=> false
 */
export function keyedRecord<Output, Input>(value: z.ZodType<Output, Input>) {
  return z.preprocess(
    (input, context) => {
      if (input !== null && typeof input === "object" && Object.prototype.hasOwnProperty.call(input, "__proto__")) {
        context.addIssue({ code: "custom", message: 'the key "__proto__" is reserved; rename it', path: ["__proto__"], input });
      }
      return input;
    },
    z.record(z.string().min(1), value),
  ) as unknown as z.ZodType<Record<string, Output>, Record<string, Input>>;
}
