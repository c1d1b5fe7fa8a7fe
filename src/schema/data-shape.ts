import { describeValue } from "./describe-value.js";
import { unknownNameMessage } from "./did-you-mean.js";
import type { AdvocateData } from "./validate-data.js";

/** The sources an {@link AdvocateData} object may hold. */
export const DATA_SOURCES = ["customers", "purchases", "surveys", "social", "invitations"] as const;

function isIterable(value: object): boolean {
  return typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === "function";
}

/**
 * Checks the shape of the data handed to the pipeline before any row is read: an object whose keys are sources,
 * each an array (or iterable) of records. A wrong shape is the caller's mistake, not 13 bad rows: a file name
 * where the records should be (`{ purchases: "purchases.csv" }`) would otherwise be read character by character.
 *
 * @throws {TypeError} naming the source, what was expected and what was given.
 * @example
 * checkDataShape({ purchases: "purchases.csv" }, "identifyAdvocates");
 * // TypeError: identifyAdvocates: purchases: expected an array (or iterable) of records, got a string ("purchases.csv") — to read files use loadData or profileFiles
 */
export function checkDataShape(data: unknown, caller: string): asserts data is AdvocateData {
  if (typeof data !== "object" || data === null || Array.isArray(data) || isIterable(data)) {
    throw new TypeError(
      `${caller}: data must be an object with customers, purchases, surveys and/or social, each an array of records, got ${describeValue(data)}` +
        (typeof data === "string" ? " — to read files use loadData or profileFiles" : ""),
    );
  }
  for (const key of Object.keys(data)) {
    if (!(DATA_SOURCES as readonly string[]).includes(key)) throw new TypeError(`${caller}: ${unknownNameMessage(key, DATA_SOURCES, "data source")}`);
  }
  for (const source of DATA_SOURCES) {
    const records = (data as Record<string, unknown>)[source];
    if (records === undefined) continue;
    const ok = typeof records === "object" && records !== null && isIterable(records) && !(records instanceof Map);
    if (!ok) {
      const files = typeof records === "string" ? " — to read files use loadData or profileFiles" : "";
      throw new TypeError(`${caller}: ${source}: expected an array (or iterable) of records, got ${describeValue(records)}${files}`);
    }
  }
}
