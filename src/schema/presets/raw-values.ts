/**
 * Small readers of raw export values for the presets' row-local adapters. A value arrives as the export wrote it
 * (CSV text, or a JSON number, string or boolean), an empty cell already absent; these read it without guessing,
 * and return `undefined` for anything they cannot read, so the adapter leaves that field to the validator, which
 * reports it with its value.
 */

/**
 * The trimmed text of a raw value; numbers and booleans as written; empty text, `null` and objects are absent.
 *
 * @example
 * rawText("  paid "); //=> "paid"
 * rawText(42); //=> "42"
 * rawText(""); //=> undefined
 */
export function rawText(value: unknown): string | undefined {
  if (typeof value === "string") {
    const text = value.trim();
    return text === "" ? undefined : text;
  }
  if ((typeof value === "number" && Number.isFinite(value)) || typeof value === "boolean") return String(value);
  return undefined;
}

// Plain decimals as these exports write money and counts: no thousands separators, a point for decimals.
const PLAIN_DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/**
 * A plain decimal number (`"53.91"`, `12`), or `undefined` for anything else (`"1,234.50"`, `"n/a"`): adapters only
 * do arithmetic on values they can read for certain, and leave the rest to the validator's documented rules.
 *
 * @example
 * plainNumber("53.91"); //=> 53.91
 * plainNumber(7); //=> 7
 * plainNumber("$5"); //=> undefined
 */
export function plainNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  const text = rawText(value);
  return text !== undefined && PLAIN_DECIMAL.test(text) ? Number(text) : undefined;
}

/**
 * A money amount rounded to cents, so a difference of two amounts (`53.91 − 10`) does not carry binary noise
 * (`43.910000000000004`) into outputs.
 *
 * @example
 * toCents(53.91 - 10); //=> 43.91
 */
export function toCents(amount: number): number {
  return Math.round(amount * 100) / 100;
}

/**
 * An ISO date-time (UTC) from a Unix time in seconds, as Reddit's `created_utc` and Delighted's `created_at` are
 * written (a number, or its text; Reddit writes a fraction `.0`), or `undefined` when the value is no such time.
 *
 * @example
 * isoFromUnixSeconds(1772633521); //=> "2026-03-04T14:12:01.000Z"
 * isoFromUnixSeconds("1772633521.0"); //=> "2026-03-04T14:12:01.000Z"
 */
export function isoFromUnixSeconds(value: unknown): string | undefined {
  const seconds = plainNumber(value);
  if (seconds === undefined) return undefined;
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/**
 * The whole number a survey answer starts with, for exports that write a scale answer with its label
 * (`"10 - Extremely likely"`, `"0 = Not at all likely"`); a plain number is returned as it is, anything else is
 * absent (left to the validator).
 *
 * @example
 * leadingWholeNumber("10 - Extremely likely"); //=> 10
 * leadingWholeNumber("7"); //=> 7
 * leadingWholeNumber("Very likely"); //=> undefined
 */
export function leadingWholeNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isInteger(value) ? value : undefined;
  const match = /^(\d{1,2})(?:\s*(?:[-–=:]|$)|\s+\D)/.exec(rawText(value) ?? "");
  return match === null ? undefined : Number(match[1]);
}

/**
 * The record's fields: a copy without the preset's extra-column names (which `adapt` reads but never returns).
 *
 * @example
 * fieldsOnly({ amount: "9", financialStatus: "paid" }, ["financialStatus"]); //=> { amount: "9" }
 */
export function fieldsOnly(record: Readonly<Record<string, unknown>>, extraNames: readonly string[]): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (!extraNames.includes(key)) fields[key] = value;
  return fields;
}

/** The five answers of the common CSAT question, worst to best, as survey tools write them in a choice-text export. */
const SATISFACTION_LABELS = new Map([
  ["very dissatisfied", 1],
  ["dissatisfied", 2],
  ["somewhat dissatisfied", 2],
  ["neither satisfied nor dissatisfied", 3],
  ["neutral", 3],
  ["satisfied", 4],
  ["somewhat satisfied", 4],
  ["very satisfied", 5],
]);

/**
 * A 1–5 satisfaction answer: a number as it is, or the label of the five-point CSAT scale (`Very satisfied` → 5,
 * `Neither satisfied nor dissatisfied` → 3); anything else is left as written, for the validator to report.
 *
 * @example
 * satisfactionScore("Very satisfied"); //=> 5
 * satisfactionScore("4"); //=> "4"
 * satisfactionScore("Meh"); //=> "Meh"
 */
export function satisfactionScore(value: unknown): unknown {
  const label = rawText(value)?.toLowerCase();
  return label === undefined ? value : (SATISFACTION_LABELS.get(label) ?? value);
}
