import type { RecordKind } from "../record-kind.js";
import type { ValueRules } from "../fields.js";
import type { AdvocateOptions } from "../options.js";
import type { SourceReading } from "../reading.js";
import type { ExportPreset } from "../presets/export-preset.js";
import { presetNamed } from "../presets/index.js";

/**
 * Everything that decides how one source's records are read, resolved from the preset, the options and the file's
 * own settings (the more specific wins: a file's settings over the kind's, the user's columns over the preset's).
 * Plain data, so it crosses to worker threads (the preset goes by name).
 */
export interface ResolvedReading {
  readonly kind: RecordKind;
  readonly preset?: string | undefined;
  /** Field path → candidate columns, in order; `explicit` ones must exist (the user named them). */
  readonly columns: ReadonlyArray<readonly [field: string, candidates: readonly string[], explicit: boolean]>;
  /** A preset's extra columns (name → candidate columns): read for its adapter, never validated or kept. */
  readonly extras: ReadonlyArray<readonly [name: string, candidates: readonly string[]]>;
  readonly acknowledge: readonly string[];
  readonly values: ReadonlyArray<readonly [field: string, value: string | number | boolean]>;
  readonly rules: ValueRules;
  readonly skipRowsAfterHeader: number;
}

/** How messages name an option: the API path by default, the CLI's flag when the CLI reads. */
export interface OptionNaming {
  dateFormat(kind: RecordKind): string;
  decimal(kind: RecordKind): string;
  column(kind: RecordKind, field: string): string;
  acknowledge(kind: RecordKind, column: string): string;
}

/** The API's names for the reading options. */
export const API_OPTION_NAMES: OptionNaming = {
  dateFormat: (kind) => `the sources.${kind}.dateFormat option`,
  decimal: (kind) => `the sources.${kind}.decimal option`,
  column: (kind, field) => `columns.${kind}.${field}`,
  acknowledge: (kind, column) => `sources.${kind}.acknowledge: [${JSON.stringify(column)}]`,
};

/**
 * Resolves how one source of `kind` is read: its preset, column mapping, value formats and constants.
 *
 * @throws {RangeError} for an unknown preset, or a preset of another kind.
 * @example
 * resolveReading("purchases", resolveOptions({ columns: { purchases: { amount: "Total" } } })).columns;
 * //=> [["amount", ["Total"], true]]
 */
export function resolveReading(kind: RecordKind, options: Pick<AdvocateOptions, "columns" | "sources">, file: SourceReading = {}, naming: OptionNaming = API_OPTION_NAMES): ResolvedReading {
  const general = options.sources?.[kind] ?? {};
  const presetName = file.preset ?? general.preset;
  const preset: ExportPreset | undefined = presetName === undefined ? undefined : presetNamed(presetName);
  if (preset !== undefined && preset.kind !== kind) throw new RangeError(`preset "${preset.name}" reads ${preset.kind}, not ${kind}`);
  const explicit = new Map<string, string>([...Object.entries(options.columns?.[kind] ?? {}), ...Object.entries(general.columns ?? {}), ...Object.entries(file.columns ?? {})]);
  const columns: Array<readonly [string, readonly string[], boolean]> = [...explicit].map(([field, column]) => [field, [column], true] as const);
  for (const [field, candidates] of Object.entries(preset?.columns ?? {})) {
    if (!explicit.has(field)) columns.push([field, typeof candidates === "string" ? [candidates] : [...candidates], false]);
  }
  // A preset's constants first, so the user's values win.
  const values = new Map<string, string | number | boolean>([...Object.entries(preset?.constants ?? {}), ...Object.entries(general.values ?? {}), ...Object.entries(file.values ?? {})]);
  return {
    kind,
    preset: preset?.name,
    columns,
    extras: Object.entries(preset?.extraColumns ?? {}).map(([name, candidates]) => [name, typeof candidates === "string" ? [candidates] : [...candidates]] as const),
    acknowledge: [...(preset?.acknowledgedColumns ?? []), ...(general.acknowledge ?? []), ...(file.acknowledge ?? [])],
    values: [...values],
    rules: {
      dateFormat: file.dateFormat ?? general.dateFormat ?? preset?.dateFormat,
      decimal: file.decimal ?? general.decimal ?? preset?.decimal,
      optionNames: { dateFormat: naming.dateFormat(kind), decimal: naming.decimal(kind) },
    },
    skipRowsAfterHeader: preset?.skipRowsAfterHeader ?? 0,
  };
}

/**
 * The reading of records written in the library's own columns and formats: nothing mapped, nothing assumed.
 *
 * @example
 * plainReading("purchases").columns; //=> []
 */
export function plainReading(kind: RecordKind): ResolvedReading {
  return { kind, columns: [], extras: [], acknowledge: [], values: [], rules: {}, skipRowsAfterHeader: 0 };
}
