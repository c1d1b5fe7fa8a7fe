import type { RecordKind } from "../record-kind.js";
import { customerSchema } from "../customer.js";
import { purchaseSchema } from "../purchase.js";
import { socialSchema } from "../social.js";
import { surveySchema } from "../survey.js";
import { closestName } from "../values/closest-name.js";
import { InputFileError } from "../input-file-error.js";
import { FIELD_SYNONYMS, headerKey, looksLikeConsent, plainKey } from "./header-rule.js";
import { presetNamed } from "../presets/index.js";
import { API_OPTION_NAMES, type OptionNaming, type ResolvedReading } from "./source-reading.js";

/** Where one field of a record comes from. */
export type FieldSource =
  /** A column; where a row leaves it empty, the reading's constant for the field (if any). */
  | { readonly kind: "cell"; readonly column: number; readonly fallback?: string | number | boolean | undefined }
  | { readonly kind: "nested"; readonly columns: ReadonlyArray<readonly [column: number, key: string]> }
  | { readonly kind: "constant"; readonly value: string | number | boolean }
  | { readonly kind: "absent" };

/**
 * How a source's columns become a record's fields: one {@link FieldSource} per schema key (in the schema's key
 * order), worked out once per file from its header (or once per distinct set of keys of JSON records). Plain data:
 * it crosses to worker threads.
 */
export interface ColumnPlan {
  readonly keys: readonly string[];
  readonly fields: readonly FieldSource[];
  /** The columns as the source names them (a CSV header, or a JSON record's keys). */
  readonly header: readonly string[];
  /** A preset's extra columns found: name → column (handed to its adapter, never validated or kept). */
  readonly extras: ReadonlyArray<readonly [name: string, column: number]>;
}

const SCHEMA_KEYS: Record<RecordKind, readonly string[]> = {
  customers: Object.keys(customerSchema.shape),
  purchases: Object.keys(purchaseSchema.shape),
  surveys: Object.keys(surveySchema.shape),
  social: Object.keys(socialSchema.shape),
};
/** Keys whose values are maps, written in CSV as one dotted column per entry. */
const NESTED_KEYS = new Set(["handles", "answers"]);
/** Fields a record cannot do without, as alternatives (one of each group must have a column). */
const REQUIRED: Record<RecordKind, ReadonlyArray<readonly string[]>> = {
  customers: [["customerId"]],
  purchases: [["customerId", "email"], ["date"], ["amount"]],
  surveys: [["customerId", "email"], ["date"]],
  social: [["customerId", "author", "authorEmail"], ["date"], ["platform"]],
};

/**
 * The schema keys of a kind of record, in the order validators take them.
 *
 * @example
 * schemaKeys("purchases"); //=> ["customerId", "email", "date", "amount", "orderId", "product", "category", "returned", "optedOut"]
 */
export function schemaKeys(kind: RecordKind): readonly string[] {
  return SCHEMA_KEYS[kind];
}

function describe(columns: readonly string[]): string {
  const shown = columns.slice(0, 30).map((name) => JSON.stringify(name)).join(", ");
  return columns.length > 30 ? `${shown} … (${columns.length} in all)` : shown || "(none)";
}

/** What a plan is made from: a CSV header (problems are file errors) or the keys of JSON records (row problems). */
export type PlanMode = "header" | "keys";

/**
 * Works out where each field of `kind` comes from, by this rule:
 * 1. a column the reading names for a field (the user's mapping, then the preset's candidates) — a column the user
 *    named must exist;
 * 2. otherwise a column whose name is the field's by the header rule (`customer_id`, `CustomerID` → `customerId`)
 *    or a synonym that cannot mean anything else (`opt_out` → `optedOut`); dotted columns fill nested fields
 *    (`handles.twitter`, `answers.q3`);
 * 3. otherwise the reading's constant for the field (`values`), or nothing.
 * From a CSV header, a required field without a column is one error naming the file, the columns found and the
 * closest one; so is a column that looks like consent or an opt-out that nothing reads (an objection must never be
 * ignored silently) unless the reading acknowledges it; and two columns read as one field.
 *
 * @throws {InputFileError} on those header problems (mode "header"), or on a consent-like key (mode "keys").
 * @example
 * planColumns(["customerid", "Date", "Total"], resolveReading("purchases", resolveOptions({ columns: { purchases: { amount: "Total" } } })), "orders.csv").fields;
 * //=> [{ kind: "cell", column: 0 }, { kind: "absent" }, { kind: "cell", column: 1 }, { kind: "cell", column: 2 }, …]
 */
export function planColumns(header: readonly string[], reading: ResolvedReading, file: string, mode: PlanMode = "header", naming: OptionNaming = API_OPTION_NAMES): ColumnPlan {
  const kind = reading.kind;
  const keys = SCHEMA_KEYS[kind];
  const normalised = header.map(headerKey);
  const used = new Set<number>();
  const columnOf = (name: string): number => {
    const exact = header.indexOf(name);
    if (exact >= 0) return exact;
    const key = headerKey(name);
    return normalised.indexOf(key);
  };
  const explicit = new Map<string, number>();
  const mappedNested = new Map<string, Array<readonly [number, string]>>();
  for (const [field, candidates, required] of reading.columns) {
    const found = candidates.map(columnOf).find((column) => column >= 0);
    if (found === undefined) {
      if (required && mode === "header") {
        const near = closestName(candidates[0] as string, header, plainKey);
        throw new InputFileError(file, `the column ${JSON.stringify(candidates[0])} given for ${kind} field "${field}" is not in the file. Columns found: ${describe(header)}${near === undefined ? "" : `. Closest: ${JSON.stringify(near)}`}`);
      }
      continue;
    }
    const dot = field.indexOf(".");
    if (dot > 0 && NESTED_KEYS.has(field.slice(0, dot))) {
      const group = field.slice(0, dot);
      mappedNested.set(group, [...(mappedNested.get(group) ?? []), [found, field.slice(dot + 1)]]);
    } else if (keys.includes(field)) explicit.set(field, found);
    else if (mode === "header") throw new InputFileError(file, `${kind} records have no field "${field}" (mapped to column ${JSON.stringify(candidates[0])}); fields: ${keys.join(", ")}`);
    used.add(found);
  }
  const constants = new Map(reading.values);
  // Columns a preset finds from the header itself (survey questions named by their text), for fields still unmapped.
  const preset = reading.preset === undefined ? undefined : presetNamed(reading.preset);
  if (preset?.locateColumns !== undefined) {
    for (const [field, name] of Object.entries(preset.locateColumns(header))) {
      const column = columnOf(name);
      if (column < 0 || explicit.has(field) || used.has(column)) continue;
      const dot = field.indexOf(".");
      if (dot > 0 && NESTED_KEYS.has(field.slice(0, dot))) mappedNested.set(field.slice(0, dot), [...(mappedNested.get(field.slice(0, dot)) ?? []), [column, field.slice(dot + 1)]]);
      else if (keys.includes(field)) explicit.set(field, column);
      else continue;
      used.add(column);
    }
  }
  const extras: Array<readonly [string, number]> = [];
  for (const [name, candidates] of reading.extras) {
    const found = candidates.map(columnOf).find((column) => column >= 0);
    if (found !== undefined) {
      extras.push([name, found]);
      used.add(found);
    }
  }
  const cell = (column: number, key: string): FieldSource => {
    const fallback = constants.get(key);
    return fallback === undefined ? { kind: "cell", column } : { kind: "cell", column, fallback };
  };
  const fields = keys.map((key): FieldSource => {
    const mapped = explicit.get(key);
    if (mapped !== undefined) return cell(mapped, key);
    if (NESTED_KEYS.has(key)) {
      const columns: Array<readonly [number, string]> = [...(mappedNested.get(key) ?? [])];
      normalised.forEach((name, column) => {
        const dot = name.indexOf(".");
        if (dot > 0 && name.slice(0, dot) === key.toLowerCase() && !used.has(column)) {
          columns.push([column, name.slice(dot + 1)]);
          used.add(column);
        }
      });
      const whole = normalised.indexOf(key.toLowerCase());
      if (columns.length === 0 && whole >= 0) {
        used.add(whole);
        return { kind: "cell", column: whole };
      }
      return columns.length > 0 ? { kind: "nested", columns } : constantOr(constants.get(key));
    }
    const names = [key.toLowerCase(), ...(FIELD_SYNONYMS[key] ?? [])];
    const matches = normalised.map((name, column) => (names.includes(name) && !used.has(column) ? column : -1)).filter((column) => column >= 0);
    if (matches.length > 1 && mode === "header") {
      throw new InputFileError(file, `columns ${matches.map((column) => JSON.stringify(header[column])).join(" and ")} would both be read as ${kind} field "${key}": map one of them (${naming.column(kind, key)})`);
    }
    const match = matches[0];
    if (match !== undefined) {
      used.add(match);
      return cell(match, key);
    }
    return constantOr(constants.get(key));
  });
  if (mode === "header") {
    for (const group of REQUIRED[kind]) {
      if (group.some((field) => (fields[keys.indexOf(field)] as FieldSource).kind !== "absent")) continue;
      const wanted = group[0] as string;
      const near = group.map((field) => closestName(field, header.filter((_, column) => !used.has(column)), plainKey)).find((name) => name !== undefined);
      const either = group.length > 1 ? ` (or ${group.slice(1).join(" or ")})` : "";
      throw new InputFileError(
        file,
        `no column for the required ${kind} field "${wanted}"${either}. Columns found: ${describe(header)}${near === undefined ? "" : `. Closest: ${JSON.stringify(near)}`}. Map it with ${naming.column(kind, wanted)}${reading.preset === undefined ? " or use a preset" : ""}`,
      );
    }
  }
  const acknowledged = new Set(reading.acknowledge.map(headerKey));
  header.forEach((name, column) => {
    if (used.has(column) || acknowledged.has(headerKey(name)) || !looksLikeConsent(name)) return;
    throw new InputFileError(
      file,
      `column ${JSON.stringify(name)} looks like consent or an opt-out, but no field reads it. An objection must never be ignored: map it (${naming.column(kind, kind === "customers" ? "optedOut" : "optedOut")} = ${JSON.stringify(name)}, or consent) or acknowledge that it is not one (${naming.acknowledge(kind, name)})`,
    );
  });
  return { keys, fields, header, extras };
}

function constantOr(value: string | number | boolean | undefined): FieldSource {
  return value === undefined ? { kind: "absent" } : { kind: "constant", value };
}
