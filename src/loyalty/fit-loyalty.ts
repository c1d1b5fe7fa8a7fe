import type { CustomerProfile } from "../profile/customer-profile.js";
import { quantileGrid } from "../stats/percentile-grid.js";
import type { LoyaltyParams } from "./loyalty-params.js";

/**
 * Fits the loyalty dimension's population parameters: quantile grids of recency, frequency, spend and tenure
 * over the customers who bought at least once, as of `asOfDay`.
 *
 * @example
 * const params = fitLoyalty(profileSet.profiles.values(), 19800);
 * params.purchaseDays.length; //=> 101 (or 0 when nobody bought)
 */
export function fitLoyalty(profiles: Iterable<CustomerProfile>, asOfDay: number): LoyaltyParams {
  const recency: number[] = [];
  const frequency: number[] = [];
  const monetary: number[] = [];
  const tenure: number[] = [];
  for (const { purchases } of profiles) {
    if (purchases.first === undefined || purchases.last === undefined) continue;
    recency.push(Math.max(0, asOfDay - purchases.last.day));
    frequency.push(purchases.days.length);
    monetary.push(purchases.spend / purchases.days.length);
    tenure.push(Math.max(0, asOfDay - purchases.first.day));
  }
  return {
    recencyDays: quantileGrid(recency),
    purchaseDays: quantileGrid(frequency),
    spendPerDay: quantileGrid(monetary),
    tenureDays: quantileGrid(tenure),
  };
}
