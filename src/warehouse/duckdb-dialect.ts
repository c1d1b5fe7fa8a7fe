import { doubleQuoted, standardString, type SqlDialect, type SqlType } from "./sql-dialect.js";

const TYPES: Readonly<Record<SqlType, string>> = { text: "VARCHAR", integer: "BIGINT", double: "DOUBLE", boolean: "BOOLEAN" };

/**
 * DuckDB: struct literals (`{'day': …}`), `list(… ORDER BY …) FILTER (WHERE …)`, `arg_min`, and `DATE − DATE` in days.
 *
 * @example
 * DUCKDB.arrayAgg("x", ["day"], "kept"); //=> "list(x ORDER BY day) FILTER (WHERE kept)"
 */
export const DUCKDB: SqlDialect = {
  name: "duckdb",
  identifier: doubleQuoted,
  string: standardString,
  cast: (expression, type) => `CAST(${expression} AS ${TYPES[type]})`,
  dayNumber: (expression) => `CAST(CAST(${expression} AS DATE) - DATE '1970-01-01' AS INTEGER)`,
  record: (fields) => `{${fields.map(([name, expression]) => `${standardString(name)}: ${expression}`).join(", ")}}`,
  field: (record, name) => `struct_extract(${record}, ${standardString(name)})`,
  array: (elements) => `[${elements.join(", ")}]`,
  arrayAgg: (expression, orderBy, where) => `list(${expression} ORDER BY ${orderBy.join(", ")})${where === undefined ? "" : ` FILTER (WHERE ${where})`}`,
  countIf: (condition) => `count_if(${condition})`,
  anyTrue: (condition) => `bool_or(COALESCE(${condition}, FALSE))`,
  valueAtMin: (expression, key) => `arg_min(${expression}, ${key})`,
  divide: (dividend, divisor) => `(${dividend} // ${divisor})`,
  remainder: (dividend, divisor) => `(${dividend} % ${divisor})`,
  unionDistinct: "UNION",
  constantRows: (column, values) => `(VALUES ${values.map((value) => `(${standardString(value)})`).join(", ")}) AS ${column}s (${column})`,
};
