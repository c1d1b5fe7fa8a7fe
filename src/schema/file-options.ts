import * as z from "zod";
import type { OptionNaming } from "./columns/source-reading.js";
import { sourceReadingSchema } from "./reading.js";

const WORKERS = 'expected "auto" or a whole number ≥ 0';
const path = z.string({ error: "expected a file path" }).min(1, { error: "expected a file path, got an empty one" });

/**
 * One file with how it is read, when it is not written in the library's own columns and formats: a vendor preset,
 * column mapping, date format, decimal separator (see {@link sourceReadingSchema}), its delimiter and text encoding
 * (sniffed when absent), and whether an empty file is expected.
 */
export const fileSourceSchema = sourceReadingSchema.extend({
  file: path,
  /** The CSV delimiter (sniffed from the file's first lines when absent). */
  delimiter: z.enum([",", ";", "\t", "|"], { error: 'expected one of ",", ";", "\\t", "|"' }).optional(),
  /** The file's text encoding (a byte-order mark decides when absent, else UTF-8). */
  encoding: z.enum(["utf-8", "utf-16le", "utf-16be", "windows-1252", "latin1"]).optional(),
  /**
   * The file may hold no records. Otherwise an empty file is a warning — and an empty customers file an error, since
   * it is where opt-outs come from: reading none would profile everyone who objected.
   */
  allowEmpty: z.boolean().optional(),
});

/** One file with how it is read (see {@link fileSourceSchema}). */
export type FileSource = z.input<typeof fileSourceSchema>;

const entry = z.union([path, fileSourceSchema], { error: "expected a file path or { file, preset?, columns?, … }" });
const paths = z.union([entry, z.array(entry).readonly()], { error: "expected a file path, a { file, … } source, or an array of them" });

/**
 * The files of each kind of record given to `profileFiles` (one path, or several of one kind). Strict: a mistyped
 * kind (`purchase: "orders.csv"`) would leave a whole file unread, so it is an error naming the closest kind.
 */
export const dataFileSetsSchema = z.strictObject({
  customers: paths.optional(),
  purchases: paths.optional(),
  surveys: paths.optional(),
  social: paths.optional(),
  invitations: paths.optional(),
});

/** The files given to `loadData`: as {@link dataFileSetsSchema} (one or several per kind, each a path or a source). */
export const dataFilesSchema = dataFileSetsSchema;

/** How `profileFiles` reads: worker threads, chunk size, a stage callback. Strict, like every options object. */
export const readOptionsSchema = z.strictObject({
  /** Worker threads: `"auto"` (default) or a whole number ≥ 0 (0 reads on the calling thread). */
  workers: z.union([z.literal("auto"), z.number().int({ error: WORKERS }).min(0, { error: WORKERS })], { error: WORKERS }).optional(),
  /** Bytes per chunk handed to a worker (default 8 MiB). */
  chunkBytes: z.number().int().positive().optional(),
  /** The longest record a file may hold (default 1 MiB): a longer one is one bad row, reported at once. */
  maxRecordBytes: z.number().int().positive().optional(),
  /** How messages name the reading options (the CLI names its flags); the API's option paths by default. */
  naming: z.custom<OptionNaming>((value) => typeof value === "object" && value !== null, { error: "expected the option namer" }).optional(),
  /** Called as each stage of the read ends, with its wall time in milliseconds. */
  onStage: z.custom<(stage: string, milliseconds: number) => void>((value) => typeof value === "function", { error: "expected a function (stage, milliseconds)" }).optional(),
});
