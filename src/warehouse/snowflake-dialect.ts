import { doubleQuoted, orderKeys, type RecordFields, type SqlDialect, type SqlType } from "./sql-dialect.js";

const TYPES: Readonly<Record<SqlType, string>> = { text: "VARCHAR", integer: "INTEGER", double: "FLOAT", boolean: "BOOLEAN" };

// Backslash is an escape character in Snowflake string literals, so it is doubled along with the quote.
function literal(text: string): string {
  return `'${text.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`;
}

function object(fields: RecordFields): string {
  return `OBJECT_CONSTRUCT(${fields.map(([name, expression]) => `${literal(name)}, ${expression}`).join(", ")})`;
}

/**
 * Snowflake: `OBJECT_CONSTRUCT` records (NULL fields are left out), `ARRAY_AGG(…) WITHIN GROUP (ORDER BY …)` (NULLs
 * are left out), `MIN_BY`, `COUNT_IF`, `BOOLOR_AGG` and `DATEDIFF(day, …)`. Quoted identifiers keep their case.
 *
 * @example
 * SNOWFLAKE.recordAgg([["day", "d"]], 1, "kept"); //=> "ARRAY_AGG(CASE WHEN kept THEN OBJECT_CONSTRUCT('day', d) END) WITHIN GROUP (ORDER BY d)"
 */
export const SNOWFLAKE: SqlDialect = {
  name: "snowflake",
  identifier: doubleQuoted,
  string: literal,
  cast: (expression, type) => `CAST(${expression} AS ${TYPES[type]})`,
  dayNumber: (expression) => `DATEDIFF(day, DATE '1970-01-01', CAST(${expression} AS DATE))`,
  record: object,
  field: (record, name, type) => (type === "list" ? `GET(${record}, ${literal(name)})` : `CAST(GET(${record}, ${literal(name)}) AS ${TYPES[type]})`),
  array: (elements) => `ARRAY_CONSTRUCT(${elements.join(", ")})`,
  recordAgg: (fields, keys, where) =>
    `ARRAY_AGG(${where === undefined ? object(fields) : `CASE WHEN ${where} THEN ${object(fields)} END`}) WITHIN GROUP (ORDER BY ${orderKeys(fields, keys)})`,
  countIf: (condition) => `COUNT_IF(${condition})`,
  anyTrue: (condition) => `BOOLOR_AGG(COALESCE(${condition}, FALSE))`,
  valueAtMin: (expression, key) => `MIN_BY(${expression}, ${key})`,
  // NUMBER division rounds to a few decimals, so divide exactly: subtract the remainder first.
  divide: (dividend, divisor) => `CAST((${dividend} - MOD(${dividend}, ${divisor})) / ${divisor} AS INTEGER)`,
  remainder: (dividend, divisor) => `MOD(${dividend}, ${divisor})`,
  unionDistinct: "UNION",
  constantRows: (column, values) => `(VALUES ${values.map((value) => `(${literal(value)})`).join(", ")}) AS ${column}s (${column})`,
};
