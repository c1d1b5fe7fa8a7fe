import type { RecordRef } from "../schema/problem.js";
import type { DatedRef } from "./customer-profile.js";

/**
 * Total order on citations: by source name, then row. Used to break every tie so output never depends on input order.
 *
 * @example
 * compareRefs({ source: "a", row: 2 }, { source: "a", row: 10 }) < 0; //=> true
 */
export function compareRefs(a: RecordRef, b: RecordRef): number {
  if (a.source !== b.source) return a.source < b.source ? -1 : 1;
  return a.row - b.row;
}

/**
 * Orders dated evidence by day, then by citation.
 *
 * @example
 * compareDated({ day: 1, ref: { source: "s", row: 9 } }, { day: 2, ref: { source: "s", row: 1 } }) < 0; //=> true
 */
export function compareDated(a: DatedRef, b: DatedRef): number {
  return a.day - b.day || compareRefs(a.ref, b.ref);
}

/**
 * Compares two strings by UTF-16 code units, the same on every machine and locale (unlike `localeCompare`).
 *
 * @example
 * compareText("B", "a") < 0; //=> true
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
