import { basename } from "node:path";
import { criticismSchema, type Criticism } from "../schema/criticism.js";
import { factSchema, type BrandFact } from "../schema/fact.js";
import { validateRecords } from "../schema/validate-records.js";
import { ValidationError } from "../schema/validation-error.js";
import { readRecords } from "./read-records.js";

/**
 * Reads brand facts — the checked claims talking points may cite — from a CSV (`id,topic,claim,source`; delimiter
 * sniffed, header matched as written), JSON array or NDJSON file, validated: a bad row is a {@link ValidationError}
 * naming the file, row and field. The result is what `armAdvocates` takes as `facts`.
 *
 * @throws {InputFileError} if the file is missing or unreadable; {@link ValidationError} on a bad fact.
 * @example
 * const facts = await loadFacts("facts.csv");
 * armAdvocates(advocates, criticism, { brand: "Northwind Coffee", facts });
 */
export async function loadFacts(path: string): Promise<BrandFact[]> {
  const rows = await readRecords(path);
  const { records, problems } = validateRecords(factSchema, rows, basename(path));
  if (problems.length > 0) throw new ValidationError(problems);
  return records.map(({ record }) => record);
}

/**
 * Reads pieces of criticism (`platform,text,topic,url,date`) from a CSV, JSON array or NDJSON file, validated as
 * {@link loadFacts} validates facts: each one can be handed to `armAdvocates`.
 *
 * @throws {InputFileError} if the file is missing or unreadable; {@link ValidationError} on a bad row.
 * @example
 * for (const criticism of await loadCriticism("criticism.csv")) armAdvocates(advocates, criticism, { brand: "Northwind Coffee", facts });
 */
export async function loadCriticism(path: string): Promise<Criticism[]> {
  const rows = await readRecords(path);
  const { records, problems } = validateRecords(criticismSchema, rows, basename(path));
  if (problems.length > 0) throw new ValidationError(problems);
  return records.map(({ record }) => record);
}
