import type { AdvocateOptions } from "../schema/options.js";
import type { ValidatedData } from "../schema/validate-data.js";
import { toDay } from "./day.js";

/** Why a customer was left out before profiling. */
export type ExclusionReason = "optedOut" | "noConsent" | "recentlyInvited";

/** Customers left out, by reason; counts only, never a profile. */
export type ExclusionCounts = Record<ExclusionReason, number>;

/**
 * Decides who is left out before any profile is built: customers who opted out (an objection to profiling is
 * absolute), those without `consent: true` when consent is required (including IDs seen only in purchases,
 * surveys or social data, whose consent is unknown), and those invited within `cooldownDays` of `asOfDay`.
 * An opt-out in any of a customer's records wins.
 *
 * @example
 * excludedCustomers(data, resolveOptions(), 19800).get("c-0042"); //=> "optedOut"
 */
export function excludedCustomers(data: ValidatedData, options: AdvocateOptions, asOfDay: number): Map<string, ExclusionReason> {
  const optedOut = new Set<string>();
  const consented = new Set<string>();
  const invited = new Set<string>();
  for (const { record } of data.customers) {
    if (record.optedOut === true) optedOut.add(record.customerId);
    if (record.consent === true) consented.add(record.customerId);
    if (record.lastInvitedAt !== undefined && asOfDay - toDay(record.lastInvitedAt) < options.cooldownDays) invited.add(record.customerId);
  }
  const excluded = new Map<string, ExclusionReason>();
  const consider = (customerId: string): void => {
    if (excluded.has(customerId)) return;
    if (optedOut.has(customerId)) excluded.set(customerId, "optedOut");
    else if (options.requireConsent && !consented.has(customerId)) excluded.set(customerId, "noConsent");
    else if (invited.has(customerId)) excluded.set(customerId, "recentlyInvited");
  };
  for (const source of [data.customers, data.purchases, data.surveys, data.social]) {
    for (const { record } of source) consider(record.customerId);
  }
  return excluded;
}

/**
 * Counts exclusions by reason.
 *
 * @example
 * countExclusions(new Map([["a", "optedOut"]])); //=> { optedOut: 1, noConsent: 0, recentlyInvited: 0 }
 */
export function countExclusions(excluded: ReadonlyMap<string, ExclusionReason>): ExclusionCounts {
  const counts: ExclusionCounts = { optedOut: 0, noConsent: 0, recentlyInvited: 0 };
  for (const reason of excluded.values()) counts[reason] += 1;
  return counts;
}
