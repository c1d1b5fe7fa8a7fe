import * as z from "zod";
import { quoteValue } from "./values/quote-value.js";
import { readDate } from "./values/read-date.js";
import { readNumber } from "./values/read-number.js";

/**
 * Reusable zod field types. Every input arrives either typed (from code) or as text (from CSV), so each field
 * accepts both and normalises: an empty CSV cell means "absent", numbers and booleans may come as strings.
 */

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

/** How a source writes its values: the options of issue-free reading (see {@link readDate}, {@link readNumber}). */
export interface ValueRules {
  /** A date-fns `parse` pattern for dates in a fixed non-ISO form (`dd.MM.yyyy`, `MM/dd/yyyy HH:mm`). */
  readonly dateFormat?: string | undefined;
  /** The decimal separator of numbers (default "."). */
  readonly decimal?: "." | "," | undefined;
  /** How messages name the options that set these (an API option path, or a CLI flag). */
  readonly optionNames?: { readonly dateFormat?: string | undefined; readonly decimal?: string | undefined } | undefined;
}

const fieldCache = new Map<string, z.ZodType>();

/** One schema per kind of field and set of rules (schemas are built once and shared: validators memoise by schema). */
function cachedField<T extends z.ZodType>(kind: string, rules: ValueRules, build: () => T): T {
  const key = `${kind}\u0000${rules.dateFormat ?? ""}\u0000${rules.decimal ?? "."}\u0000${rules.optionNames?.dateFormat ?? ""}\u0000${rules.optionNames?.decimal ?? ""}`;
  let field = fieldCache.get(key);
  if (field === undefined) {
    field = build();
    fieldCache.set(key, field);
  }
  return field as T;
}

/**
 * A date field read by `rules`: a `Date`, or text in any form {@link readDate} reads (ISO dates are UTC calendar
 * days; a date-time without a zone is UTC; `dateFormat` for other fixed forms). Day/month dates are never guessed.
 *
 * @example
 * dateFieldFor({ dateFormat: "dd.MM.yyyy" }).parse("04.03.2026"); //=> 2026-03-04T00:00:00.000Z
 */
export function dateFieldFor(rules: ValueRules): z.ZodType<Date, Date | string> {
  return cachedField("date", rules, () =>
    z.preprocess(
      (value, context) => {
        const blank = blankToUndefined(value);
        if (typeof blank !== "string") return blank;
        const reading = readDate(blank, rules.dateFormat, { option: rules.optionNames?.dateFormat ?? "the dateFormat option" });
        if ("date" in reading) return reading.date;
        context.addIssue({ code: "custom", message: reading.problem, input: value });
        return z.NEVER;
      },
      z
        .date({ error: (issue) => `expected a date: YYYY-MM-DD, YYYYMMDD or an ISO date-time, got ${quoteValue(issue.input)}` })
        .refine((date) => date.getUTCFullYear() >= 1900 && date.getUTCFullYear() <= 2200, { error: (issue) => `expected a date between the years 1900 and 2200, got ${quoteValue(issue.input)}` }),
    ) as unknown as z.ZodType<Date, Date | string>,
  );
}

/**
 * A date: a `Date`, an ISO date (`2024-03-10`, read as that UTC calendar day), a compact date (`20240310`), an ISO
 * date-time (`2024-03-10T14:00:00Z`, `2026-03-04 14:22:01 -0500`; no zone means UTC), or Twitter's and RFC 2822's
 * forms. Years outside 1900–2200 are rejected as typos.
 */
export const dateField: z.ZodType<Date, Date | string> = dateFieldFor({});

function numberSchema(rules: ValueRules, money: boolean): z.ZodType<number, number | string> {
  const numberRules = { decimal: rules.decimal, money, decimalOption: rules.optionNames?.decimal };
  return z.preprocess(
    (value, context) => {
      const blank = blankToUndefined(value);
      if (typeof blank !== "string") return blank;
      const reading = readNumber(blank, numberRules);
      if ("value" in reading) return reading.value;
      context.addIssue({ code: "custom", message: reading.problem, input: value });
      return z.NEVER;
    },
    z.number({ error: (issue) => `expected a number, got ${quoteValue(issue.input)}` }).finite({ error: "expected a finite number" }),
  ) as unknown as z.ZodType<number, number | string>;
}

/**
 * A finite number read by `rules`: a number, or decimal text (`"12.50"`, `"1e3"`, `"1,234.5"`; with `decimal: ","`,
 * `"1.234,5"`). NaN, Infinity and hex are rejected.
 *
 * @example
 * numberFieldFor({ decimal: "," }).parse("4,5"); //=> 4.5
 */
export function numberFieldFor(rules: ValueRules): z.ZodType<number, number | string> {
  return cachedField("number", rules, () => numberSchema(rules, false));
}

/**
 * A money amount read by `rules`: as {@link numberFieldFor}, and a currency symbol or ISO code around the number is
 * allowed and dropped (`$1,234.50`, `1234.50 USD`, `€ 12,50`).
 *
 * @example
 * amountFieldFor({}).parse("$1,234.50"); //=> 1234.5
 */
export function amountFieldFor(rules: ValueRules): z.ZodType<number, number | string> {
  return cachedField("amount", rules, () => numberSchema(rules, true));
}

/** A finite number, written as a number or as decimal text (`"12.50"`, `"1e3"`); NaN and Infinity are rejected. */
export const numberField: z.ZodType<number, number | string> = numberFieldFor({});

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
}, z.boolean({ error: (issue) => `expected true or false (yes/no, 1/0), got ${quoteValue(issue.input)}` })) as unknown as z.ZodType<boolean, boolean | string | number>;

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
