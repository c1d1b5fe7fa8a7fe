/**
 * What a value is, in words an error message can show whatever the value (JSON.stringify throws on a bigint or a
 * cycle, and a long string would drown the message): `a string ("purchases.csv")`, `null`, `an array`, `a number (5)`.
 *
 * @example
 * describeValue("purchases.csv"); //=> 'a string ("purchases.csv")'
 * describeValue(null); //=> "null"
 */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (typeof value === "string") return `a string (${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)})`;
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return `a ${typeof value} (${String(value)})`;
  if (typeof value === "function") return "a function";
  if (typeof value === "symbol") return "a symbol";
  if (Array.isArray(value)) return "an array";
  if (value instanceof Map) return "a Map";
  if (value instanceof Set) return "a Set";
  return "an object";
}
