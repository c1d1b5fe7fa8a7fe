import { planColumns, type ColumnPlan, type FieldSource } from "./column-plan.js";
import { API_OPTION_NAMES, type OptionNaming, type ResolvedReading } from "./source-reading.js";

/** Plans remembered per distinct set of keys; past this many shapes a source's records are planned one by one. */
const MAX_SHAPES = 256;

function isPlainRecord(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === "object" && raw !== null && !Array.isArray(raw) && !(raw instanceof Date);
}

/** Whether a plan reads every field from the key of the same name and adds nothing: the record needs no copy. */
function isIdentity(plan: ColumnPlan): boolean {
  return plan.extras.length === 0 && plan.fields.every((field, index) => field.kind === "absent" || (field.kind === "cell" && field.fallback === undefined && plan.header[field.column] === plan.keys[index]));
}

function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Maps records given as objects — JSON or NDJSON files, records from code, listening-tool API responses — to the
 * library's fields by the same rule as CSV columns ({@link planColumns}): the reading's mapping, then the header
 * rule on the record's own keys, then constants. A `null` value is absent (JSON writes missing values so). Records
 * already in the library's fields come back unchanged (no copy).
 *
 * @example
 * new RecordMapper(resolveReading("purchases", resolveOptions({ columns: { purchases: { customerId: "Email" } } })), "orders.json")
 *   .map({ Email: "ann@example.com", date: "2026-01-05", amount: 12 });
 * //=> { customerId: "ann@example.com", date: "2026-01-05", amount: 12 }
 */
export class RecordMapper {
  private readonly plans = new Map<string, { readonly plan: ColumnPlan; readonly identity: boolean }>();

  constructor(
    private readonly reading: ResolvedReading,
    private readonly source: string,
    private readonly naming: OptionNaming = API_OPTION_NAMES,
  ) {}

  /** The record in the library's fields (anything but a plain object is returned as is, for the validator to judge). */
  map(raw: unknown): unknown {
    if (!isPlainRecord(raw)) return raw;
    const keys = Object.keys(raw);
    let hasNull = false;
    for (const key of keys) if (raw[key] === null) hasNull = true;
    const signature = keys.join("\u0000");
    let planned = this.plans.get(signature);
    if (planned === undefined) {
      const plan = planColumns(keys, this.reading, this.source, "keys", this.naming);
      planned = { plan, identity: isIdentity(plan) };
      if (this.plans.size < MAX_SHAPES) this.plans.set(signature, planned);
    }
    if (planned.identity && !hasNull) return raw;
    const { plan } = planned;
    const record: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    plan.fields.forEach((field: FieldSource, index) => {
      const key = plan.keys[index] as string;
      if (field.kind === "cell") {
        const value = raw[plan.header[field.column] as string];
        if (value !== null && value !== undefined && value !== "") define(record, key, value);
        else if (field.fallback !== undefined) define(record, key, field.fallback);
      } else if (field.kind === "constant") define(record, key, field.value);
      else if (field.kind === "nested") {
        let group: Record<string, unknown> | undefined;
        for (const [column, nested] of field.columns) {
          const value = raw[plan.header[column] as string];
          if (value === null || value === undefined || value === "") continue;
          group ??= Object.create(null) as Record<string, unknown>;
          define(group, nested, value);
        }
        if (group !== undefined) define(record, key, group);
      }
    });
    for (const [name, column] of plan.extras) {
      const value = raw[plan.header[column] as string];
      if (value !== null && value !== undefined && value !== "" && !Object.hasOwn(record, name)) define(record, name, value);
    }
    return record;
  }
}
