import type { ValidatedData } from "../schema/validate-data.js";
import { toDay } from "./day.js";

/**
 * The latest purchase, survey or social day in the data: the default "as of" day, so results depend on the data
 * and never on the wall clock. `undefined` for data with no dated event.
 *
 * @example
 * latestEventDay(validateData({ purchases: [{ customerId: "a", date: "2024-03-10", amount: 1 }] }, resolveOptions())); //=> 19792
 */
export function latestEventDay(data: ValidatedData): number | undefined {
  let latest: number | undefined;
  for (const source of [data.purchases, data.surveys, data.social]) {
    for (const { record } of source) {
      const day = toDay(record.date);
      if (latest === undefined || day > latest) latest = day;
    }
  }
  return latest;
}
