import { realpathSync } from "node:fs";
import { basename, relative, resolve, sep } from "node:path";
import { RECORD_KINDS, type RecordKind } from "../profile/record-intake.js";
import { API_OPTION_NAMES, resolveReading, type OptionNaming, type ResolvedReading } from "../schema/columns/source-reading.js";
import type { FileSource } from "../schema/file-options.js";
import type { AdvocateOptions } from "../schema/options.js";

/** One file, or several files of the same kind (shards of an export: per month, per region), each a path or a source. */
export type FilePaths = string | FileSource | ReadonlyArray<string | FileSource>;

/** The files of each kind of record; every kind is optional. */
export interface DataFileSets {
  readonly customers?: FilePaths | undefined;
  readonly purchases?: FilePaths | undefined;
  readonly surveys?: FilePaths | undefined;
  readonly social?: FilePaths | undefined;
  /** Invitations already sent (`invitationsOf`, written as CSV or JSON): they set each customer's last invitation. */
  readonly invitations?: FilePaths | undefined;
}

/** A file to read, with its kind, the name problems and citations use, and how its records are read. */
export interface InputFile {
  readonly kind: RecordKind;
  readonly kindIndex: number;
  readonly fileIndex: number;
  readonly path: string;
  /** The file's name, or its relative path when two files share a name. */
  readonly source: string;
  readonly reading: ResolvedReading;
  readonly delimiter?: string | undefined;
  readonly encoding?: FileSource["encoding"];
  readonly allowEmpty: boolean;
}

/** Where a file really is (links resolved), to tell the same file given twice. */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/**
 * The files to read, in reading order (customers first), each with its reading resolved from the options and its
 * own settings.
 *
 * @throws {RangeError} if one file is given twice (it would count every record twice), or for an unknown preset.
 * @example
 * listInputFiles({ purchases: [{ file: "orders.csv", preset: "shopify-orders" }] }, resolveOptions())[0]?.reading.preset; //=> "shopify-orders"
 */
export function listInputFiles(files: DataFileSets, options: Pick<AdvocateOptions, "columns" | "sources">, naming: OptionNaming = API_OPTION_NAMES): InputFile[] {
  const listed = RECORD_KINDS.flatMap((kind, kindIndex) => {
    const given = files[kind];
    const entries: ReadonlyArray<string | FileSource> = given === undefined ? [] : Array.isArray(given) ? given : [given as string | FileSource];
    return entries.map((entry, fileIndex) => {
      const spec: FileSource = typeof entry === "string" ? { file: entry } : entry;
      const { file, delimiter, encoding, allowEmpty, ...reading } = spec;
      return { kind, kindIndex, fileIndex, path: file, spec: reading, delimiter, encoding, allowEmpty: allowEmpty ?? false };
    });
  });
  const seen = new Map<string, string>();
  for (const file of listed) {
    const real = realPath(file.path);
    const before = seen.get(real);
    if (before !== undefined) throw new RangeError(`the file ${JSON.stringify(file.path)} is given twice (also as ${JSON.stringify(before)}): every record in it would count twice`);
    seen.set(real, file.path);
  }
  const names = new Map<string, number>();
  for (const file of listed) names.set(basename(file.path), (names.get(basename(file.path)) ?? 0) + 1);
  // Citations must point at one record each: two files named purchases.csv are told apart by their paths.
  return listed.map(({ spec, ...file }) => ({
    ...file,
    source: (names.get(basename(file.path)) ?? 0) > 1 ? relative(process.cwd(), file.path).split(sep).join("/") : basename(file.path),
    reading: resolveReading(file.kind, options, spec, naming),
  }));
}
