import { orderKeys, type RecordFields, type SqlDialect, type SqlType } from "./sql-dialect.js";

const TYPES: Readonly<Record<SqlType, string>> = { text: "STRING", integer: "INT64", double: "FLOAT64", boolean: "BOOL" };

function quoted(name: string): string {
  return `\`${name.replace(/[`\\]/g, "\\$&")}\``;
}

function struct(fields: RecordFields): string {
  return `STRUCT(${fields.map(([name, expression]) => `${expression} AS ${quoted(name)}`).join(", ")})`;
}

/**
 * BigQuery (GoogleSQL): `STRUCT(… AS name)`, `ARRAY_AGG(IF(…) IGNORE NULLS ORDER BY …)` (no FILTER clause),
 * `ANY_VALUE(… HAVING MIN …)`, `UNIX_DATE`, backtick identifiers and `UNION DISTINCT`.
 *
 * @example
 * BIGQUERY.recordAgg([["day", "d"]], 1, "kept"); //=> "ARRAY_AGG(IF(kept, STRUCT(d AS `day`), NULL) IGNORE NULLS ORDER BY d)"
 */
export const BIGQUERY: SqlDialect = {
  name: "bigquery",
  identifier: quoted,
  // A double-quoted GoogleSQL literal takes the JSON escapes (\" \\ \n \uXXXX), so JSON.stringify writes it exactly.
  string: (text) => JSON.stringify(text),
  cast: (expression, type) => `CAST(${expression} AS ${TYPES[type]})`,
  // CAST(timestamp AS DATE) takes the UTC date; UNIX_DATE counts days since 1970-01-01.
  dayNumber: (expression) => `UNIX_DATE(CAST(${expression} AS DATE))`,
  record: struct,
  field: (record, name) => `${record}.${quoted(name)}`,
  array: (elements) => `[${elements.join(", ")}]`,
  // Array elements may not be NULL: rows outside the filter become NULL and IGNORE NULLS drops them.
  recordAgg: (fields, keys, where) =>
    `ARRAY_AGG(${where === undefined ? struct(fields) : `IF(${where}, ${struct(fields)}, NULL)`} IGNORE NULLS ORDER BY ${orderKeys(fields, keys)})`,
  countIf: (condition) => `COUNTIF(${condition})`,
  anyTrue: (condition) => `LOGICAL_OR(COALESCE(${condition}, FALSE))`,
  valueAtMin: (expression, key) => `ANY_VALUE(${expression} HAVING MIN ${key})`,
  divide: (dividend, divisor) => `DIV(${dividend}, ${divisor})`,
  remainder: (dividend, divisor) => `MOD(${dividend}, ${divisor})`,
  unionDistinct: "UNION DISTINCT",
  constantRows: (column, values) => `UNNEST([${values.map((value) => JSON.stringify(value)).join(", ")}]) AS ${column}`,
};
