import { basename } from "node:path";

/**
 * A file that could not be read or parsed (not a bad record: those are validation problems). The CLI reports it
 * with exit code 2.
 *
 * @example
 * try { await readRecords("missing.csv"); } catch (error) { (error as InputFileError).message; } //=> "missing.csv: file not found"
 */
export class InputFileError extends Error {
  override readonly name = "InputFileError";
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}

/**
 * Maps any failure reading a file to an {@link InputFileError} that names the file.
 *
 * @example
 * fileError("data/purchases.csv", Object.assign(new Error("x"), { code: "ENOENT" })).message; //=> "purchases.csv: file not found"
 */
export function fileError(path: string, error: unknown): InputFileError {
  if (error instanceof InputFileError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = code === "ENOENT" ? "file not found" : code === "EISDIR" ? "is a folder, not a file" : error instanceof Error ? error.message : String(error);
  return new InputFileError(basename(path), message);
}
