import { ABSENT } from "../schema/record-validator.js";
import type { ColumnPlan, FieldSource } from "../schema/columns/column-plan.js";

/**
 * Reads the values of a record's fields from CSV rows by a {@link ColumnPlan}, without building an object per row:
 * nested fields (`handles.twitter`) become null-prototype objects and empty cells are absent. Set `cells` to a row,
 * then read each key's raw value with `rawValue` (how a chunk's rows become the columns `RecordIntake.addColumns`
 * validates), or the whole record with `record` (for a preset's adapter).
 *
 * @example
 * const reader = new CsvRowReader(planColumns(["customerId", "handles.twitter"], resolveReading("customers", options), "customers.csv"));
 * reader.cells = ["c1", "@ann"];
 * reader.rawValue(0); //=> "c1"
 */
export class CsvRowReader {
  cells: readonly string[] = [];
  private readonly fields: readonly FieldSource[];

  constructor(readonly plan: ColumnPlan) {
    this.fields = plan.fields;
  }

  /** The raw value of key `index` (in the plan's key order) in the current row, or `ABSENT`. */
  rawValue(index: number): unknown {
    const field = this.fields[index] as FieldSource;
    if (field.kind === "cell") {
      const cell = this.cells[field.column];
      return cell === undefined || cell === "" ? (field.fallback ?? ABSENT) : cell;
    }
    if (field.kind === "absent") return ABSENT;
    if (field.kind === "constant") return field.value;
    let group: Record<string, unknown> | undefined;
    for (const [column, key] of field.columns) {
      const cell = this.cells[column];
      if (cell === undefined || cell === "") continue;
      // A null-prototype object: a `__proto__` key is an own property (reported by the schema), not a prototype.
      group ??= Object.create(null) as Record<string, unknown>;
      Object.defineProperty(group, key, { value: cell, enumerable: true, writable: true, configurable: true });
    }
    return group ?? ABSENT;
  }

  /** The current row as a record of its present fields (a null-prototype object keyed by field). */
  record(): Record<string, unknown> {
    const record: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    this.plan.keys.forEach((key, index) => {
      const value = this.rawValue(index);
      if (value !== ABSENT) Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
    });
    // A preset's extra columns, for its adapter (never validated: the adapter returns fields only).
    for (const [name, column] of this.plan.extras) {
      const cell = this.cells[column];
      if (cell !== undefined && cell !== "" && !Object.hasOwn(record, name)) Object.defineProperty(record, name, { value: cell, enumerable: true, writable: true, configurable: true });
    }
    return record;
  }
}
