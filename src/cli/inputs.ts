import { availableParallelism } from "node:os";
import type { DataFileSets } from "../io/profile-files.js";
import type { DataFileFlags } from "./flags.js";
import { realPathOf } from "./out-file.js";
import { UsageError } from "./usage-error.js";

const KINDS = ["customers", "purchases", "surveys", "social"] as const;

/** The data files given on the command line. */
export function dataFileSets(flags: DataFileFlags): DataFileSets {
  return { customers: flags.customers, purchases: flags.purchases, surveys: flags.surveys, social: flags.social };
}

/**
 * The real paths of every input file given (data files, plus `others` such as `--facts` or `--model`), refusing the
 * same file given twice — by the same flag or another, under any name or link — since it would be read twice
 * (every purchase counted double) or as two kinds of record.
 *
 * @throws {UsageError} naming both flags and paths.
 */
export function inputFiles(flags: DataFileFlags, others: ReadonlyArray<readonly [flag: string, path: string | undefined]> = []): Set<string> {
  const given: Array<readonly [flag: string, path: string]> = [
    ...KINDS.flatMap((kind) => (flags[kind] ?? []).map((path) => [`--${kind}`, path] as const)),
    ...others.filter((entry): entry is readonly [string, string] => entry[1] !== undefined),
  ];
  const seen = new Map<string, readonly [string, string]>();
  for (const [flag, path] of given) {
    const real = realPathOf(path);
    if (real === undefined) continue; // a missing file is reported by the reader, with its name
    const before = seen.get(real);
    if (before !== undefined) {
      throw new UsageError(`${before[0]} ${before[1]} and ${flag} ${path} are the same file: give each file once`);
    }
    seen.set(real, [flag, path]);
  }
  return new Set(seen.keys());
}

/** `--workers`, capped at the cores available (more threads than cores only cost memory), with a note when capped. */
export function workerCount(requested: number | undefined, notes: string[]): number | "auto" {
  if (requested === undefined) return "auto";
  const cores = availableParallelism();
  if (requested <= cores) return requested;
  notes.push(`note: --workers ${requested} capped at ${cores}, the cores available`);
  return cores;
}
