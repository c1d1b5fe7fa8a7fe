import { basename } from "node:path";
import type { AdvocateData } from "../schema/validate-data.js";
import { dataFilesSchema } from "../schema/file-options.js";
import { parseOptions } from "../schema/parse-options.js";
import { readRecords } from "./read-records.js";

/** File paths of the sources to read; every one is optional. */
export interface DataFiles {
  readonly customers?: string | undefined;
  readonly purchases?: string | undefined;
  readonly surveys?: string | undefined;
  readonly social?: string | undefined;
}

/** Loaded data plus the file names to report problems against. */
export interface LoadedData {
  readonly data: AdvocateData;
  readonly sourceNames: { customers: string; purchases: string; surveys: string; social: string };
}

/**
 * Reads the given files (CSV, JSON or NDJSON) so they can be passed to `identifyAdvocates` with
 * `sourceNames`, which makes every validation problem name the file it came from.
 *
 * @example
 * const { data, sourceNames } = await loadData({ purchases: "purchases.csv", surveys: "surveys.csv" });
 * identifyAdvocates(data, { sourceNames });
 */
export async function loadData(files: DataFiles): Promise<LoadedData> {
  parseOptions(dataFilesSchema, files, "loadData (files)");
  const read = async (path: string | undefined) => (path === undefined ? undefined : await readRecords(path));
  const [customers, purchases, surveys, social] = await Promise.all([read(files.customers), read(files.purchases), read(files.surveys), read(files.social)]);
  const name = (path: string | undefined, fallback: string) => (path === undefined ? fallback : basename(path));
  return {
    data: {
      customers: customers as AdvocateData["customers"],
      purchases: purchases as AdvocateData["purchases"],
      surveys: surveys as AdvocateData["surveys"],
      social: social as AdvocateData["social"],
    },
    sourceNames: {
      customers: name(files.customers, "customers"),
      purchases: name(files.purchases, "purchases"),
      surveys: name(files.surveys, "surveys"),
      social: name(files.social, "social"),
    },
  };
}
