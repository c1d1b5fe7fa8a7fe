import type { AdvocateOptions } from "../schema/options.js";
import type { ValidatedData } from "../schema/validate-data.js";
import { ExclusionFactsCollector, ExclusionPolicy, type ExclusionReason } from "./exclusion-policy.js";

export type { ExclusionReason } from "./exclusion-policy.js";

/** Customers left out, by reason; counts only, never a profile. */
export type ExclusionCounts = Record<ExclusionReason, number>;

/**
 * The exclusion policy the customer records and options give, as of a day (see {@link ExclusionPolicy}).
 *
 * @example
 * exclusionPolicy(data.customers.map(({ record }) => record), resolveOptions({ requireConsent: true }), 19800).reasonFor("c-0007"); //=> "noConsent"
 */
export function exclusionPolicy(
  customers: Iterable<Parameters<ExclusionFactsCollector["add"]>[0]>,
  options: Pick<AdvocateOptions, "requireConsent" | "cooldownDays">,
  asOfDay?: number,
): ExclusionPolicy {
  const facts = new ExclusionFactsCollector();
  for (const customer of customers) facts.add(customer);
  return new ExclusionPolicy(facts.facts(), { requireConsent: options.requireConsent, cooldownDays: options.cooldownDays, asOfDay });
}

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
  const policy = exclusionPolicy(
    data.customers.map(({ record }) => record),
    options,
    asOfDay,
  );
  const excluded = new Map<string, ExclusionReason>();
  for (const source of [data.customers, data.purchases, data.surveys, data.social]) {
    for (const { record } of source) {
      // Records that name their customer by e-mail or handle only are joined (and excluded) by the profile builder.
      if (record.customerId === undefined || excluded.has(record.customerId)) continue;
      const reason = policy.reasonFor(record.customerId);
      if (reason !== undefined) excluded.set(record.customerId, reason);
    }
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
