import * as z from "zod";

const WORKERS = 'expected "auto" or a whole number ≥ 0';
const path = z.string({ error: "expected a file path" }).min(1, { error: "expected a file path, got an empty one" });
const paths = z.union([path, z.array(path).readonly()], { error: "expected a file path or an array of file paths" });

/**
 * The files of each kind of record given to `profileFiles` (one path, or several of one kind). Strict: a mistyped
 * kind (`purchase: "orders.csv"`) would leave a whole file unread, so it is an error naming the closest kind.
 */
export const dataFileSetsSchema = z.strictObject({
  customers: paths.optional(),
  purchases: paths.optional(),
  surveys: paths.optional(),
  social: paths.optional(),
});

/** The files given to `loadData`, one per kind. Strict, as {@link dataFileSetsSchema}. */
export const dataFilesSchema = z.strictObject({
  customers: path.optional(),
  purchases: path.optional(),
  surveys: path.optional(),
  social: path.optional(),
});

/** How `profileFiles` reads: worker threads, chunk size, a stage callback. Strict, like every options object. */
export const readOptionsSchema = z.strictObject({
  /** Worker threads: `"auto"` (default) or a whole number ≥ 0 (0 reads on the calling thread). */
  workers: z.union([z.literal("auto"), z.number().int({ error: WORKERS }).min(0, { error: WORKERS })], { error: WORKERS }).optional(),
  /** Bytes per chunk handed to a worker (default 8 MiB). */
  chunkBytes: z.number().int().positive().optional(),
  /** Called as each stage of the read ends, with its wall time in milliseconds. */
  onStage: z.custom<(stage: string, milliseconds: number) => void>((value) => typeof value === "function", { error: "expected a function (stage, milliseconds)" }).optional(),
});
