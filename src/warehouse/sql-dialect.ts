/** The warehouses `profileSql` writes for. DuckDB runs here (and in the tests); BigQuery and Snowflake are generated to their documented syntax. */
export const WAREHOUSE_DIALECTS = ["duckdb", "bigquery", "snowflake"] as const;

/** One of {@link WAREHOUSE_DIALECTS}. */
export type WarehouseDialect = (typeof WAREHOUSE_DIALECTS)[number];

/** The fields of a record: name → SQL expression, in order. */
export type RecordFields = ReadonlyArray<readonly [name: string, expression: string]>;

/**
 * The expressions of a record's first `keys` fields, the order of an aggregated array of such records.
 *
 * @example
 * orderKeys([["day", "event_day"], ["row", "source_row"], ["nps", "nps_answer"]], 2); //=> "event_day, source_row"
 */
export function orderKeys(fields: RecordFields, keys: number): string {
  return fields
    .slice(0, keys)
    .map(([, expression]) => expression)
    .join(", ");
}

/** SQL types the profile query reads its columns as. */
export type SqlType = "text" | "integer" | "double" | "boolean";

/**
 * The few places where the three warehouses spell the same idea differently: quoting, casts, records (STRUCT /
 * OBJECT), ordered array aggregates, conditional counts, and the UTC day number of a date. Everything else in the
 * profile query is plain SQL shared by all three.
 */
export interface SqlDialect {
  readonly name: WarehouseDialect;
  /** A quoted identifier (column or alias): exact spelling, whatever the warehouse's case rules. */
  identifier(name: string): string;
  /** A string literal. */
  string(text: string): string;
  /** `expression` read as the given type. */
  cast(expression: string, type: SqlType): string;
  /** Whole days from 1970-01-01 to the UTC calendar day of a DATE or TIMESTAMP `expression`. */
  dayNumber(expression: string): string;
  /** A record (STRUCT, OBJECT) with these fields in this order. */
  record(fields: RecordFields): string;
  /** One field of a record built by {@link SqlDialect.record}, read back as `type` (or as a list). */
  field(record: string, name: string, type: SqlType | "list"): string;
  /** An array literal of records. */
  array(elements: readonly string[]): string;
  /**
   * Aggregates records of these fields into an array ordered by its first `keys` fields (which identify a record
   * within the group), over the rows where `where` holds (all rows without it).
   */
  recordAgg(fields: RecordFields, keys: number, where?: string): string;
  /** Counts the rows where `condition` is true. */
  countIf(condition: string): string;
  /** True when `condition` is true on any row of the group (NULL counts as false). */
  anyTrue(condition: string): string;
  /** The value of `expression` on the row of the group with the least `key` (`key` is never NULL and unique). */
  valueAtMin(expression: string, key: string): string;
  /** Integer quotient and remainder of two non-negative integers. */
  divide(dividend: string, divisor: string): string;
  remainder(dividend: string, divisor: string): string;
  /** `UNION` without duplicates. */
  readonly unionDistinct: string;
  /** Two constant rows in one column, for splitting a row into its product and its category. */
  constantRows(column: string, values: readonly string[]): string;
}

/**
 * Escapes a string literal the SQL-standard way (quote doubled).
 *
 * @example
 * standardString("O'Brien"); //=> "'O''Brien'"
 */
export function standardString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * Quotes an identifier with double quotes (DuckDB, Snowflake), doubling any inside.
 *
 * @example
 * doubleQuoted('answers.trust'); //=> '"answers.trust"'
 */
export function doubleQuoted(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
