/**
 * Readers for the values of a profile row as warehouse clients return them. Integers arrive as numbers, as BigInt
 * (DuckDB's BIGINT), as decimal strings (DuckDB's JSON rows, BigQuery's TO_JSON_STRING of wide integers) or wrapped
 * (`{ value: "42" }`, BigQuery's BigQueryInt); absent values as `null` or a missing key (Snowflake's
 * OBJECT_CONSTRUCT leaves NULL fields out). Anything else is refused with the path of the value, so no NaN or
 * malformed row reaches a profile. Arrays and objects are tested structurally: a row may come from another realm
 * (a `vm` context, a UDF runtime).
 */

/** A value read from a row, or `undefined` when absent. */
function present(value: unknown): unknown {
  return value === null ? undefined : value;
}

function unwrap(value: unknown): unknown {
  if (typeof value === "object" && value !== null && "value" in value) return (value as { value: unknown }).value;
  return value;
}

/**
 * A finite number, or `undefined` when absent.
 *
 * @example
 * optionalNumber("12.5", "amount"); //=> 12.5
 * optionalNumber(null, "csat"); //=> undefined
 */
export function optionalNumber(value: unknown, path: string): number | undefined {
  const raw = unwrap(present(value));
  if (raw === undefined) return undefined;
  const number = typeof raw === "number" ? raw : typeof raw === "bigint" ? Number(raw) : typeof raw === "string" && raw.trim() !== "" ? Number(raw) : Number.NaN;
  if (!Number.isFinite(number)) throw new TypeError(`profile row: ${path} should be a finite number, got ${describe(value)}`);
  return number;
}

/**
 * A finite number; absent is an error.
 *
 * @example
 * requiredNumber(3n, "orders"); //=> 3
 */
export function requiredNumber(value: unknown, path: string): number {
  const number = optionalNumber(value, path);
  if (number === undefined) throw new TypeError(`profile row: ${path} is missing`);
  return number;
}

/**
 * A safe integer (a day, a row, a count), or `undefined` when absent.
 *
 * @example
 * optionalInteger("19792", "lastInvitedDay"); //=> 19792
 */
export function optionalInteger(value: unknown, path: string): number | undefined {
  const number = optionalNumber(value, path);
  if (number !== undefined && !Number.isSafeInteger(number)) throw new TypeError(`profile row: ${path} should be an integer, got ${describe(value)}`);
  return number;
}

/**
 * A safe integer; absent is an error.
 *
 * @example
 * requiredInteger(19792, "day"); //=> 19792
 */
export function requiredInteger(value: unknown, path: string): number {
  const number = optionalInteger(value, path);
  if (number === undefined) throw new TypeError(`profile row: ${path} is missing`);
  return number;
}

/**
 * A count: a non-negative integer, 0 when absent (a customer with no record of the kind).
 *
 * @example
 * countOf(null, "returned"); //=> 0
 */
export function countOf(value: unknown, path: string): number {
  const count = optionalInteger(value, path) ?? 0;
  if (count < 0) throw new TypeError(`profile row: ${path} should not be negative, got ${describe(value)}`);
  return count;
}

/**
 * A string, or `undefined` when absent.
 *
 * @example
 * optionalText("Ann", "name"); //=> "Ann"
 */
export function optionalText(value: unknown, path: string): string | undefined {
  const raw = present(value);
  if (raw === undefined || typeof raw === "string") return raw;
  throw new TypeError(`profile row: ${path} should be text, got ${describe(value)}`);
}

/**
 * A non-empty string; absent or empty is an error.
 *
 * @example
 * requiredText("C0042", "customerId"); //=> "C0042"
 */
export function requiredText(value: unknown, path: string): string {
  const text = optionalText(value, path);
  if (text === undefined || text === "") throw new TypeError(`profile row: ${path} is missing`);
  return text;
}

/**
 * A boolean, or `undefined` when absent.
 *
 * @example
 * optionalBoolean(true, "consent"); //=> true
 */
export function optionalBoolean(value: unknown, path: string): boolean | undefined {
  const raw = present(value);
  if (raw === undefined || typeof raw === "boolean") return raw;
  throw new TypeError(`profile row: ${path} should be true or false, got ${describe(value)}`);
}

/**
 * A list, empty when absent. A JSON string (a VARIANT or STRUCT column some clients hand back as text) is parsed.
 *
 * @example
 * listOf(null, "surveys"); //=> []
 */
export function listOf(value: unknown, path: string): readonly unknown[] {
  const raw = parsedJson(present(value));
  if (raw === undefined) return [];
  if (Array.isArray(raw)) return raw;
  throw new TypeError(`profile row: ${path} should be a list, got ${describe(value)}`);
}

/**
 * A record (STRUCT, OBJECT), or `undefined` when absent. A JSON string is parsed.
 *
 * @example
 * optionalRecord({ day: 1, row: 2 }, "firstPurchase"); //=> { day: 1, row: 2 }
 */
export function optionalRecord(value: unknown, path: string): Readonly<Record<string, unknown>> | undefined {
  const raw = parsedJson(present(value));
  if (raw === undefined) return undefined;
  if (typeof raw === "object" && raw !== null && !Array.isArray(raw)) return raw as Record<string, unknown>;
  throw new TypeError(`profile row: ${path} should be a record, got ${describe(value)}`);
}

function parsedJson(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return present(JSON.parse(value));
  } catch {
    return value;
  }
}

function describe(value: unknown): string {
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return "a list";
  return value === null ? "null" : typeof value === "object" ? "a record" : String(value);
}
