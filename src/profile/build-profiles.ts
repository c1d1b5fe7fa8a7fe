import type { ValidatedData } from "../schema/validate-data.js";
import type { ProfileSet } from "./customer-profile.js";
import { toDay } from "./day.js";
import { compareText } from "./order.js";
import { DEFAULT_TOPICS } from "../text/topics.js";
import { ProfileAccumulator, type TopicMap } from "./profile-accumulator.js";

/** Options of {@link buildProfiles}. */
export interface BuildProfilesOptions {
  /** Customers to leave out entirely (opted out, no consent, cooling down): their records are never read into a profile. */
  readonly exclude?: ReadonlySet<string> | ReadonlyMap<string, unknown> | undefined;
  /** Topic keywords for praise and complaint themes in comments (default {@link DEFAULT_TOPICS}). */
  readonly topics?: TopicMap | undefined;
}

/**
 * Builds one profile per customer in a single pass over each validated source. A customer who appears only in
 * purchases, surveys or social activity is still a customer. Excluded customers are skipped before any of
 * their records is read into a profile.
 *
 * @example
 * const data = validateData({ purchases: [{ customerId: "c1", date: "2024-01-05", amount: 30 }] }, resolveOptions());
 * buildProfiles(data).profiles.get("c1")?.purchases.orders; //=> 1
 */
export function buildProfiles(data: Omit<ValidatedData, "problems" | "skippedRows">, options: BuildProfilesOptions = {}): ProfileSet {
  const topics = options.topics ?? DEFAULT_TOPICS;
  const exclude = options.exclude;
  const accumulators = new Map<string, ProfileAccumulator>();
  let latestDay: number | undefined;
  const accumulatorOf = (customerId: string): ProfileAccumulator | undefined => {
    if (exclude?.has(customerId)) return undefined;
    let accumulator = accumulators.get(customerId);
    if (accumulator === undefined) {
      accumulator = new ProfileAccumulator(customerId);
      accumulators.set(customerId, accumulator);
    }
    return accumulator;
  };
  const seeDay = (date: Date): void => {
    const day = toDay(date);
    if (latestDay === undefined || day > latestDay) latestDay = day;
  };

  for (const { record } of data.customers) accumulatorOf(record.customerId)?.addCustomer(record);
  for (const { record, ref } of data.purchases) {
    const accumulator = accumulatorOf(record.customerId);
    if (accumulator === undefined) continue;
    accumulator.addPurchase(record, ref);
    seeDay(record.date);
  }
  for (const { record, ref } of data.surveys) {
    const accumulator = accumulatorOf(record.customerId);
    if (accumulator === undefined) continue;
    accumulator.addSurvey(record, ref, topics);
    seeDay(record.date);
  }
  for (const { record, ref } of data.social) {
    const accumulator = accumulatorOf(record.customerId);
    if (accumulator === undefined) continue;
    accumulator.addSocial(record, ref);
    seeDay(record.date);
  }

  const ids = [...accumulators.keys()].sort(compareText);
  const profiles = new Map(ids.map((id) => [id, accumulators.get(id)!.toProfile()] as const));
  return { profiles, latestDay };
}
