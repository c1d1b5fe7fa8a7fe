import type { CustomerProfile } from "../profile/customer-profile.js";

const DAYS_PER_WEEK = 7;

/** A customer's repeat-buying history in weeks, in the buy-till-you-die conventions (lifetimes' `summary_data`). */
export interface PurchaseHistory {
  /** Repeat purchase days (the first purchase day is not a repeat). */
  readonly frequency: number;
  /** Weeks from the first to the last purchase day. */
  readonly recency: number;
  /** Weeks from the first purchase day to "as of". */
  readonly T: number;
  /** Mean spend of the repeat purchase days (0 without repeats). */
  readonly monetaryValue: number;
  /** Days from the first purchase day to "as of". */
  readonly tenureDays: number;
  /** Days since the last purchase day. */
  readonly daysSinceLastPurchase: number;
}

/**
 * Reads a profile's purchase days as a BTYD history as of `asOfDay` (purchase days after it are ignored, so a
 * model fitted "as of" an earlier date never sees the future). `undefined` for a customer with no purchase by then.
 *
 * @example
 * purchaseHistory(profile, 19900); //=> { frequency: 13, recency: 140.3, T: 160.1, monetaryValue: 31.2, tenureDays: 1121, daysSinceLastPurchase: 139 }
 */
export function purchaseHistory(profile: CustomerProfile, asOfDay: number): PurchaseHistory | undefined {
  const { days, daySpend } = profile.purchases;
  let count = 0;
  while (count < days.length && (days[count] as number) <= asOfDay) count += 1;
  if (count === 0) return undefined;
  const first = days[0] as number;
  const last = days[count - 1] as number;
  let repeatSpend = 0;
  for (let index = 1; index < count; index += 1) repeatSpend += daySpend[index] as number;
  const frequency = count - 1;
  return {
    frequency,
    recency: (last - first) / DAYS_PER_WEEK,
    T: (asOfDay - first) / DAYS_PER_WEEK,
    monetaryValue: frequency > 0 ? repeatSpend / frequency : 0,
    tenureDays: asOfDay - first,
    daysSinceLastPurchase: asOfDay - last,
  };
}
