import type { ResolvedTable } from "./profile-sql-options.js";
import type { SqlDialect } from "./sql-dialect.js";

/** A named step of the profile query (`name AS (sql)`). */
export interface Cte {
  readonly name: string;
  readonly sql: string;
}

/**
 * Citations are ordered by (day, row). Both fit one integer, `(day + DAY_OFFSET) × ROW_LIMIT + row`, so the first or
 * latest citation of a group is a plain MIN or MAX, which every warehouse computes in one pass and which skips
 * NULLs the same way everywhere. The offset keeps days back to 1900 positive; rows must stay below 10^12.
 */
export const DAY_OFFSET = 100_000;
export const ROW_LIMIT = 1_000_000_000_000;

/**
 * SQL expressions shared by every source: a column by field, the customer ID as the library reads it (trimmed text),
 * free text (blank means absent), citation keys and their decoding.
 *
 * @example
 * const sql = new SqlFragments(DUCKDB);
 * sql.customerId(table); //=> 'TRIM(CAST("customerId" AS VARCHAR))'
 */
export class SqlFragments {
  constructor(readonly dialect: SqlDialect) {}

  /** The column of a field, or NULL when the table has none. */
  column(table: ResolvedTable, field: string): string {
    const column = table.columns[field];
    return column === null ? "NULL" : this.dialect.identifier(column ?? field);
  }

  /** The customer ID as the library reads it: text, trimmed (a number becomes its decimal text). */
  customerId(table: ResolvedTable): string {
    return `TRIM(${this.dialect.cast(this.column(table, "customerId"), "text")})`;
  }

  /** Rows the profile can place: a non-blank customer ID and, for dated sources, a date. */
  placeable(table: ResolvedTable, dated: boolean): string {
    const id = `${this.customerId(table)} <> ''`;
    return dated ? `${id} AND ${this.column(table, "date")} IS NOT NULL` : id;
  }

  /** The 1-based row each record is cited by. */
  sourceRow(table: ResolvedTable): string {
    return typeof table.row === "string" ? this.dialect.cast(this.dialect.identifier(table.row), "integer") : this.dialect.identifier(NUMBERED_ROW);
  }

  /** The table to read, numbering its rows first when the row number comes from an order (before any row is dropped). */
  from(table: ResolvedTable): string {
    if (typeof table.row === "string") return table.table;
    const order = table.row.orderBy.map((column) => this.dialect.identifier(column)).join(", ");
    return `(SELECT *, ROW_NUMBER() OVER (ORDER BY ${order}) AS ${this.dialect.identifier(NUMBERED_ROW)} FROM ${table.table}) AS numbered`;
  }

  /** Free text as the library reads it: absent when blank, otherwise exactly as written. */
  text(expression: string): string {
    const text = this.dialect.cast(expression, "text");
    return `CASE WHEN TRIM(${text}) = '' THEN NULL ELSE ${text} END`;
  }

  /** A name as the library reads it (platforms, handles): trimmed, absent when blank. */
  trimmed(expression: string): string {
    return `NULLIF(TRIM(${this.dialect.cast(expression, "text")}), '')`;
  }

  /** The citation key of a (day, row) pair; see {@link DAY_OFFSET}. */
  citationKey(day: string, row: string): string {
    return `(${this.dialect.cast(day, "integer")} + ${DAY_OFFSET}) * ${ROW_LIMIT} + ${row}`;
  }

  /** The cited record of a citation key, `{day, row}` (NULL stays NULL). */
  citation(key: string): string {
    const day = `${this.dialect.divide(key, String(ROW_LIMIT))} - ${DAY_OFFSET}`;
    return `CASE WHEN ${key} IS NULL THEN NULL ELSE ${this.dialect.record([["day", day], ["row", this.dialect.remainder(key, String(ROW_LIMIT))]])} END`;
  }

  /** `WITH a AS (…), b AS (…)` */
  static with(ctes: readonly Cte[]): string {
    return `WITH\n${ctes.map((cte) => `${cte.name} AS (\n${indent(cte.sql)}\n)`).join(",\n")}`;
  }
}

/** Column holding row numbers computed from an order. */
const NUMBERED_ROW = "brand_advocates_row";

/**
 * Indents every line by two spaces.
 *
 * @example
 * indent("a\nb"); //=> "  a\n  b"
 */
export function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => (line === "" ? line : `  ${line}`))
    .join("\n");
}
