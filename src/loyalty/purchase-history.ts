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
  const history = new PurchaseHistoryReader();
  if (!history.read(profile, asOfDay)) return undefined;
  return {
    frequency: history.frequency,
    recency: history.recency,
    T: history.T,
    monetaryValue: history.monetaryValue,
    tenureDays: history.tenureDays,
    daysSinceLastPurchase: history.daysSinceLastPurchase,
  };
}

/**
 * A {@link PurchaseHistory} that is read into rather than returned: score() reads every customer's into one
 * instance. (The fit keeps its histories, so V8 learns to allocate `purchaseHistory`'s objects as long-lived;
 * per-customer copies in scoring would then be long-lived garbage.)
 */
export class PurchaseHistoryReader implements PurchaseHistory {
  frequency = 0;
  recency = 0;
  T = 0;
  monetaryValue = 0;
  tenureDays = 0;
  daysSinceLastPurchase = 0;
  /** Money spent on purchase days up to and including "as of" (set even when there is no history). */
  spend = 0;

  /**
   * Reads `profile`'s history as of `asOfDay` (see {@link purchaseHistory}) in one pass over its purchase days;
   * false for a customer with no purchase by then.
   *
   * @example
   * new PurchaseHistoryReader().read(profile, 19900); //=> true
   */
  read(profile: CustomerProfile, asOfDay: number): boolean {
    const { days, daySpend } = profile.purchases;
    // The history is the run of days up to "as of" (days are sorted); spend counts every such day regardless.
    let count = 0;
    let inRun = true;
    let repeatSpend = 0;
    let spend = 0;
    for (let index = 0; index < days.length; index += 1) {
      if (!((days[index] as number) <= asOfDay)) {
        inRun = false;
        continue;
      }
      spend += daySpend[index] as number;
      if (!inRun) continue;
      if (index > 0) repeatSpend += daySpend[index] as number;
      count += 1;
    }
    this.spend = spend;
    if (count === 0) return false;
    const first = days[0] as number;
    const last = days[count - 1] as number;
    const frequency = count - 1;
    this.frequency = frequency;
    this.recency = (last - first) / DAYS_PER_WEEK;
    this.T = (asOfDay - first) / DAYS_PER_WEEK;
    this.monetaryValue = frequency > 0 ? repeatSpend / frequency : 0;
    this.tenureDays = asOfDay - first;
    this.daysSinceLastPurchase = asOfDay - last;
    return true;
  }
}
