/**
 * Turns a flat CSV row into the nested record the schemas expect: a `handles.twitter` column becomes
 * `handles: { twitter }`. Empty cells are left out, so an absent value stays absent. Uses `Object.create(null)`
 * and own-property definitions, so a header such as `__proto__` is plain data, not a prototype change.
 *
 * @example
 * nestColumns({ customerId: "c1", "handles.twitter": "@ann", "handles.reddit": "" });
 * //=> { customerId: "c1", handles: { twitter: "@ann" } }
 */
export function nestColumns(row: Readonly<Record<string, string>>): Record<string, unknown> {
  const record: Record<string, unknown> = Object.create(null);
  for (const [column, cell] of Object.entries(row)) {
    if (cell === undefined || cell.trim() === "") continue;
    const dot = column.indexOf(".");
    if (dot <= 0) {
      Object.defineProperty(record, column, { value: cell, enumerable: true, writable: true, configurable: true });
      continue;
    }
    const group = column.slice(0, dot);
    const key = column.slice(dot + 1);
    let nested = record[group] as Record<string, unknown> | undefined;
    if (nested === undefined || typeof nested !== "object") {
      nested = Object.create(null) as Record<string, unknown>;
      Object.defineProperty(record, group, { value: nested, enumerable: true, writable: true, configurable: true });
    }
    Object.defineProperty(nested, key, { value: cell, enumerable: true, writable: true, configurable: true });
  }
  return record;
}

/**
 * {@link nestColumns} of a CSV row given as its header and cells: the flat row is built with own-property
 * definitions on a null-prototype object (a `__proto__` header is data), a later duplicate header's cell in place of
 * an earlier one's.
 *
 * @example
 * nestCells(["customerId", "handles.twitter"], ["c1", "@ann"]); //=> { customerId: "c1", handles: { twitter: "@ann" } }
 */
export function nestCells(header: readonly string[], cells: readonly string[]): Record<string, unknown> {
  const flat: Record<string, string> = Object.create(null) as Record<string, string>;
  header.forEach((name, column) => Object.defineProperty(flat, name, { value: cells[column] ?? "", enumerable: true, writable: true, configurable: true }));
  return nestColumns(flat);
}
