import { realpathSync, statSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";

/** A file the CLI was asked to write and would not or could not: exit code 3, no stack trace. */
export class OutputFileError extends Error {
  override readonly name = "OutputFileError";
}

/** The real path of a file that exists (symbolic links resolved), or undefined. */
export function realPathOf(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

function statOf(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Checks, before any work is done, that `path` can be written: a path is given, its folder exists, it is not a folder,
 * it is none of the input files (`fit --out purchases.csv` would destroy the data it reads), and it does not exist
 * unless `force` (then it is replaced).
 *
 * @throws {OutputFileError} saying what is wrong and what to do.
 * @example
 * checkOutputPath("report.html", { flag: "--out", force: false, inputs: new Set([realPathOf("customers.csv")!]) });
 */
export function checkOutputPath(path: string, { flag, force, inputs }: { flag: string; force: boolean; inputs: ReadonlySet<string> }): void {
  if (path.trim() === "") throw new OutputFileError(`${flag} needs a file path, got an empty one`);
  const target = statOf(path);
  if (target?.isDirectory()) throw new OutputFileError(`${flag} ${path} is a folder: give a file path inside it`);
  const real = realPathOf(path);
  if (real !== undefined && inputs.has(real)) throw new OutputFileError(`${flag} ${path} is one of the input files: refusing to write over it`);
  if (target !== undefined && !force) throw new OutputFileError(`${flag} ${path} already exists: add --force to replace it, or choose another path`);
  const folder = statOf(dirname(resolve(path)));
  if (folder === undefined) throw new OutputFileError(`${flag} ${path}: the folder ${dirname(path)} does not exist`);
  if (!folder.isDirectory()) throw new OutputFileError(`${flag} ${path}: ${dirname(path)} is not a folder`);
}

const WRITE_FAILURES: Readonly<Record<string, string>> = {
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "the file system is read-only",
  ENOSPC: "the disk is full",
  EISDIR: "is a folder",
  ENOENT: "its folder does not exist",
  ENOTDIR: "a part of the path is not a folder",
  EEXIST: "already exists: add --force to replace it",
};

/**
 * Writes an output file after {@link checkOutputPath}: without `force` the file is created only if it still does not
 * exist (so a file that appeared meanwhile is never overwritten either).
 *
 * @throws {OutputFileError} if the file cannot be written, with the reason in words.
 */
export async function writeOutputFile(path: string, contents: string, { flag, force }: { flag: string; force: boolean }): Promise<void> {
  try {
    await writeFile(path, contents, { flag: force ? "w" : "wx" });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    throw new OutputFileError(`${flag} ${path}: cannot write it: ${WRITE_FAILURES[code] ?? (error as Error).message}`);
  }
}
