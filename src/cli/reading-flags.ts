import { readFileSync } from "node:fs";
import { InvalidArgumentError, type Command } from "commander";
import type { DataFileSets, FilePaths } from "../io/input-files.js";
import type { OptionNaming } from "../schema/columns/source-reading.js";
import type { FileSource } from "../schema/file-options.js";
import type { AdvocateOptionsInput } from "../schema/options.js";
import { presetNamed } from "../schema/presets/index.js";
import { RECORD_KINDS, type RecordKind } from "../schema/record-kind.js";
import { columnMappingsSchema, sourceReadingsSchema } from "../schema/reading.js";
import { parseOptions } from "../schema/parse-options.js";
import * as z from "zod";
import { once } from "./flags.js";
import { UsageError } from "./usage-error.js";

/** How reading flags name the options they set, so messages from the reader name the flag to use. */
export const CLI_OPTION_NAMES: OptionNaming = {
  dateFormat: (kind) => `--date-format ${kind}=PATTERN, e.g. dd/MM/yyyy`,
  decimal: (kind) => `--decimal ${kind}=,`,
  column: (kind, field) => `--map ${kind}.${field}=COLUMN`,
  acknowledge: (kind, column) => `--acknowledge ${kind}=${JSON.stringify(column)}`,
};

/** What the reading flags hold once parsed. */
export interface ReadingFlags {
  readonly preset?: string[];
  readonly map?: string[];
  readonly mapping?: string;
  readonly dateFormat?: string[];
  readonly decimal?: string[];
  readonly delimiter?: string[];
  readonly encoding?: string[];
  readonly acknowledge?: string[];
  readonly allowEmpty?: string[];
  readonly brandName?: string[];
  readonly brandHandle?: string[];
  readonly dedupe?: boolean;
  readonly maxRecordBytes?: number;
}

function repeated(value: string, previous: string[] | undefined): string[] {
  if (value.trim() === "") throw new InvalidArgumentError("expects a value, got an empty one");
  return [...(previous ?? []), value];
}

function isKind(word: string): word is RecordKind {
  return (RECORD_KINDS as readonly string[]).includes(word);
}

/** `kind=value` (or a bare value for every kind, where the flag allows it). */
function kindValue(flag: string, entry: string, bare: "all" | "infer-preset" | "never"): { kind: RecordKind | undefined; value: string } {
  const at = entry.indexOf("=");
  const head = at < 0 ? "" : entry.slice(0, at).trim();
  if (at > 0 && isKind(head)) return { kind: head, value: entry.slice(at + 1) };
  if (bare === "never") throw new UsageError(`${flag} expects KIND=VALUE with KIND one of ${RECORD_KINDS.join(", ")}, got ${JSON.stringify(entry)}`);
  if (bare === "infer-preset") return { kind: presetNamed(entry).kind, value: entry };
  return { kind: undefined, value: entry };
}

const DELIMITERS: Record<string, NonNullable<FileSource["delimiter"]>> = { ",": ",", comma: ",", ";": ";", semicolon: ";", tab: "\t", "\\t": "\t", "\t": "\t", "|": "|", pipe: "|" };
const ENCODINGS = new Set(["utf-8", "utf-16le", "utf-16be", "windows-1252", "latin1"]);

/**
 * The flags that say how files are read when they are not in the library's own columns and formats. Each takes
 * `KIND=VALUE` (KIND: customers, purchases, surveys, social) and may be repeated; `--preset` also takes a bare
 * preset name (its kind is the preset's), `--decimal`, `--delimiter` and `--encoding` a bare value for every file.
 */
export function addReadingFlags(command: Command): Command {
  return command
    .option("--preset <[kind=]name>", "read a vendor export (shopify-orders, typeform, x-api-v2, …; repeat per kind)", repeated)
    .option("--map <kind.field=column>", "read a field from a column of another name (purchases.amount=Total; repeatable)", repeated)
    .option("--mapping <file>", 'a JSON file of mappings and readings: { "columns": { "purchases": { "amount": "Total" } }, "sources": { … } }', once((value: string) => value))
    .option("--date-format <[kind=]pattern>", "dates in a fixed form, as a date-fns pattern (purchases=dd/MM/yyyy); day/month dates are never guessed", repeated)
    .option("--decimal <[kind=]separator>", 'the decimal separator: "." or "," (surveys=,)', repeated)
    .option("--delimiter <[kind=]delimiter>", "the CSV delimiter: , ; tab or | (default: sniffed)", repeated)
    .option("--encoding <[kind=]encoding>", "utf-8, utf-16le, utf-16be, windows-1252 or latin1 (default: UTF-8, or the byte-order mark's)", repeated)
    .option("--acknowledge <kind=column>", "a column that looks like consent or an opt-out but is knowingly not read", repeated)
    .option("--allow-empty <kind>", "files of this kind may hold no records (an empty customers file is otherwise an error)", repeated)
    .option("--brand-name <name>", "the brand's name, to tell posts about it and read their tone toward it (repeatable)", repeated)
    .option("--brand-handle <handle>", "one of the brand's own public handles (repeatable)", repeated)
    .option("--dedupe", "drop exact duplicate purchase rows (same customer, order, product, amount and day)")
    .option(
      "--max-record-bytes <n>",
      "the longest record a file may hold (default 1048576): a longer one is one bad row",
      once((value: string) => {
        if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError(`expects a whole number ≥ 1, got "${value}"`);
        return Number(value);
      }),
    );
}

const mappingFileSchema = z.strictObject({ columns: columnMappingsSchema.optional(), sources: sourceReadingsSchema.optional() });

/**
 * What the reading flags mean: the files with their file-level settings, and the options (column mappings, per-kind
 * readings, the brand, dedupe).
 *
 * @throws {UsageError} on a malformed value, naming the flag.
 * @example
 * readingOf({ purchases: ["orders.csv"] }, { preset: ["shopify"], map: ["purchases.date=Paid at"] });
 */
export function readingOf(files: DataFileSets, flags: ReadingFlags): { files: DataFileSets; options: AdvocateOptionsInput } {
  type Sources = Partial<Record<RecordKind, Record<string, unknown>>>;
  const columns: Partial<Record<RecordKind, Record<string, string>>> = {};
  const sources: Sources = {};
  if (flags.mapping !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(flags.mapping, "utf8"));
    } catch (error) {
      throw new UsageError(`--mapping ${flags.mapping}: ${error instanceof SyntaxError ? "not valid JSON" : "cannot be read"}`);
    }
    const mapping = parseOptions(mappingFileSchema, parsed, `--mapping ${flags.mapping}`);
    for (const kind of RECORD_KINDS) {
      if (mapping.columns?.[kind] !== undefined) columns[kind] = { ...mapping.columns[kind] };
      if (mapping.sources?.[kind] !== undefined) sources[kind] = { ...mapping.sources[kind] };
    }
  }
  const source = (kind: RecordKind): Record<string, unknown> => (sources[kind] ??= {});
  for (const entry of flags.preset ?? []) {
    const { kind, value } = kindValue("--preset", entry, "infer-preset");
    source(kind as RecordKind).preset = value;
  }
  for (const entry of flags.map ?? []) {
    const at = entry.indexOf("=");
    const path = at < 0 ? "" : entry.slice(0, at).trim();
    const dot = path.indexOf(".");
    const kind = dot < 0 ? "" : path.slice(0, dot);
    if (at < 0 || !isKind(kind) || path.length === dot + 1) throw new UsageError(`--map expects KIND.FIELD=COLUMN (purchases.amount=Total), got ${JSON.stringify(entry)}`);
    (columns[kind] ??= {})[path.slice(dot + 1)] = entry.slice(at + 1);
  }
  const perKind = (flag: string, entries: readonly string[] | undefined, set: (kind: RecordKind, value: string) => void, bare: "all" | "never") => {
    for (const entry of entries ?? []) {
      const { kind, value } = kindValue(flag, entry, bare);
      for (const each of kind === undefined ? RECORD_KINDS : [kind]) set(each, value);
    }
  };
  perKind("--date-format", flags.dateFormat, (kind, value) => (source(kind).dateFormat = value), "all");
  perKind(
    "--decimal",
    flags.decimal,
    (kind, value) => {
      if (value !== "." && value !== ",") throw new UsageError(`--decimal expects "." or ",", got ${JSON.stringify(value)}`);
      source(kind).decimal = value;
    },
    "all",
  );
  perKind("--acknowledge", flags.acknowledge, (kind, value) => (source(kind).acknowledge = [...((source(kind).acknowledge as string[] | undefined) ?? []), value]), "never");
  // File-level settings go on each file of the kind.
  const fileSettings: Partial<Record<RecordKind, Partial<FileSource>>> = {};
  const settings = (kind: RecordKind) => (fileSettings[kind] ??= {});
  perKind(
    "--delimiter",
    flags.delimiter,
    (kind, value) => {
      const delimiter = DELIMITERS[value];
      if (delimiter === undefined) throw new UsageError(`--delimiter expects , ; tab or |, got ${JSON.stringify(value)}`);
      settings(kind).delimiter = delimiter;
    },
    "all",
  );
  perKind(
    "--encoding",
    flags.encoding,
    (kind, value) => {
      if (!ENCODINGS.has(value.toLowerCase())) throw new UsageError(`--encoding expects ${[...ENCODINGS].join(", ")}, got ${JSON.stringify(value)}`);
      settings(kind).encoding = value.toLowerCase() as FileSource["encoding"];
    },
    "all",
  );
  for (const kind of flags.allowEmpty ?? []) {
    if (!isKind(kind)) throw new UsageError(`--allow-empty expects one of ${RECORD_KINDS.join(", ")}, got ${JSON.stringify(kind)}`);
    settings(kind).allowEmpty = true;
  }
  const withSettings: Record<string, FilePaths | undefined> = {};
  for (const kind of RECORD_KINDS) {
    const given = files[kind];
    const extra = fileSettings[kind];
    if (given === undefined || extra === undefined) {
      withSettings[kind] = given;
      continue;
    }
    const list: ReadonlyArray<string | FileSource> = Array.isArray(given) ? given : [given as string | FileSource];
    withSettings[kind] = list.map((entry) => ({ ...(typeof entry === "string" ? { file: entry } : entry), ...extra }));
  }
  const options: AdvocateOptionsInput = {
    ...(Object.keys(columns).length > 0 ? { columns } : {}),
    ...(Object.keys(sources).length > 0 ? { sources: sources as AdvocateOptionsInput["sources"] } : {}),
    ...(flags.brandName !== undefined || flags.brandHandle !== undefined ? { brand: { names: flags.brandName ?? [], handles: flags.brandHandle ?? [] } } : {}),
    ...(flags.dedupe === true ? { dedupe: true } : {}),
  };
  return { files: withSettings as DataFileSets, options };
}
