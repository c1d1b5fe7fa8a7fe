import * as z from "zod";

/**
 * Reusable zod field types. Every input arrives either typed (from code) or as text (from CSV), so each field
 * accepts both and normalises: an empty CSV cell means "absent", numbers and booleans may come as strings.
 */

// ISO 8601 date-time with optional seconds, fraction and zone.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

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

/** The number written by the decimal digits text[from..to), or −1 if any of them is not a digit. */
function digitsAt(text: string, from: number, to: number): number {
  let value = 0;
  for (let index = from; index < to; index += 1) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * The UTC midnight of a calendar day, or undefined for a day that does not exist (Date.UTC would roll 2024-02-30
 * over to March 1st; that is an input error instead).
 */
function utcCalendarDay(year: number, month: number, day: number): Date | undefined {
  if (year < 0 || month < 1 || month > 12 || day < 1) return undefined;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (day > (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number))) return undefined;
  if (year >= 100) return new Date(Date.UTC(year, month - 1, day));
  // Date.UTC reads years 0–99 as 1900–1999; set the year itself so "0099-01-01" is year 99 (and rejected as a typo).
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date;
}

/**
 * Reads the date forms the schemas accept. Date-only values are calendar days, read as UTC midnight (local midnight
 * would move with DST); a date-time without a zone is taken as UTC too, so results never depend on the machine's
 * time zone. The two date-only forms are read digit by digit: they are most of every export, and a regex plus
 * Date.parse per cell was a third of validation time.
 */
function parseDateText(text: string): Date | undefined {
  const trimmed = text.trim();
  if (trimmed.length === 10 && trimmed.charCodeAt(4) === 45 && trimmed.charCodeAt(7) === 45) {
    return utcCalendarDay(digitsAt(trimmed, 0, 4), digitsAt(trimmed, 5, 7), digitsAt(trimmed, 8, 10));
  }
  if (trimmed.length === 8) return utcCalendarDay(digitsAt(trimmed, 0, 4), digitsAt(trimmed, 4, 6), digitsAt(trimmed, 6, 8));
  if (!DATE_TIME.test(trimmed)) return undefined;
  const written = trimmed.replace(" ", "T");
  if (utcCalendarDay(digitsAt(written, 0, 4), digitsAt(written, 5, 7), digitsAt(written, 8, 10)) === undefined) return undefined;
  const ms = Date.parse(HAS_ZONE.test(written) ? written : `${written}Z`);
  return Number.isFinite(ms) ? new Date(ms) : undefined;
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
  // z.date() itself rejects an Invalid Date.
  z
    .date({ error: "expected a date: YYYY-MM-DD, YYYYMMDD or an ISO date-time" })
    .refine((date) => date.getUTCFullYear() >= 1900 && date.getUTCFullYear() <= 2200, {
      message: "expected a date between the years 1900 and 2200",
    }),
) as unknown as z.ZodType<Date, Date | string>;

// A decimal number as written in exports: digits with an optional sign, decimal point and exponent. Number()
// alone would also read "0x1F", "0b11" or "" as numbers.
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A finite number, written as a number or as decimal text (`"12.50"`, `"1e3"`); NaN and Infinity are rejected. */
export const numberField: z.ZodType<number, number | string> = z.preprocess((value) => {
  const blank = blankToUndefined(value);
  if (typeof blank === "string") {
    const text = blank.trim();
    return DECIMAL.test(text) ? Number(text) : blank;
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

/**
 * A non-empty identifier, trimmed; numbers are accepted and kept as text so `00042` and `42` stay distinct in CSV.
 * (Trimming in the preprocess step rather than with zod's `.trim()` check is the same rule at a third less cost, and
 * IDs are the one column of every file that cannot be memoised.)
 */
export const idField: z.ZodType<string, string | number> = z.preprocess(
  (value) => (typeof value === "number" && Number.isFinite(value) ? String(value) : typeof value === "string" ? value.trim() : value),
  z.string({ error: "expected a non-empty identifier" }).min(1, { error: "expected a non-empty identifier" }),
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
