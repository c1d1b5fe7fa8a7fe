import { ABSENT } from "../schema/record-validator.js";
import { nestCells } from "./nest-columns.js";

/** How one schema key is read from a CSV row. */
type KeyPlan =
  | { readonly kind: "cell"; readonly column: number }
  | { readonly kind: "nested"; readonly columns: ReadonlyArray<readonly [column: number, key: string]> }
  | { readonly kind: "absent" }
  | { readonly kind: "row-object" };

function planKey(header: readonly string[], key: string): KeyPlan {
  const plain: number[] = [];
  const nested: Array<readonly [number, string]> = [];
  header.forEach((name, column) => {
    const dot = name.indexOf(".");
    if (dot <= 0 ? name === key : name.slice(0, dot) === key) {
      if (dot <= 0) plain.push(column);
      else nested.push([column, name.slice(dot + 1)]);
    }
  });
  if (plain.length === 0 && nested.length === 0) return { kind: "absent" };
  if (plain.length === 1 && nested.length === 0) return { kind: "cell", column: plain[0] as number };
  const distinct = new Set(nested.map(([, nestedKey]) => nestedKey));
  if (plain.length === 0 && distinct.size === nested.length) return { kind: "nested", columns: nested };
  // Duplicate headers, or a plain column beside dotted ones of the same name: which cell wins depends on the
  // row (an empty cell does not overwrite), so read the row exactly as nestCells builds it.
  return { kind: "row-object" };
}

/**
 * Reads the values of a schema's keys from CSV rows without building an object per row: dotted headers
 * (`handles.twitter`) become nested objects and empty cells are absent, exactly as {@link nestColumns} would read the
 * row. Set `cells` to a row, then read each key's raw value with `rawValue` (how a chunk's rows become the columns
 * `RecordIntake.addColumns` validates).
 *
 * @example
 * const reader = new CsvRowReader(["customerId", "handles.twitter"], ["customerId", "name", "handles"]);
 * reader.cells = ["c1", "@ann"];
 * [reader.rawValue(0), reader.rawValue(1), reader.rawValue(2)]; //=> ["c1", ABSENT, { twitter: "@ann" }]
 */
export class CsvRowReader {
  cells: readonly string[] = [];
  private readonly plans: readonly KeyPlan[];
  private rowObject: Record<string, unknown> | undefined;
  private rowObjectOf: readonly string[] | undefined;

  constructor(
    private readonly header: readonly string[],
    private readonly keys: readonly string[],
  ) {
    this.plans = keys.map((key) => planKey(header, key));
  }

  /** The raw value of key `index` in the current row, or `ABSENT`. */
  rawValue(index: number): unknown {
    const plan = this.plans[index] as KeyPlan;
    if (plan.kind === "cell") {
      const cell = this.cells[plan.column];
      return cell === undefined || cell === "" ? ABSENT : cell;
    }
    if (plan.kind === "absent") return ABSENT;
    if (plan.kind === "nested") {
      let group: Record<string, unknown> | undefined;
      for (const [column, key] of plan.columns) {
        const cell = this.cells[column];
        if (cell === undefined || cell === "") continue;
        // A null-prototype object: a `__proto__` key is an own property (reported by the schema), not a prototype.
        group ??= Object.create(null) as Record<string, unknown>;
        group[key] = cell;
      }
      return group ?? ABSENT;
    }
    const row = this.currentRowObject();
    const key = this.keys[index] as string;
    return Object.hasOwn(row, key) ? row[key] : ABSENT;
  }

  private currentRowObject(): Record<string, unknown> {
    if (this.rowObjectOf !== this.cells) {
      this.rowObject = nestCells(this.header, this.cells);
      this.rowObjectOf = this.cells;
    }
    return this.rowObject as Record<string, unknown>;
  }
}
