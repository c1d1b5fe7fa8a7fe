import type { CustomerProfile, DatedRef, ItemCount } from "./customer-profile.js";
import { ProfileStore } from "./profile-store.js";

function onOrBefore<T extends { readonly day: number }>(items: readonly T[], asOfDay: number): T[] {
  return items.filter((item) => item.day <= asOfDay);
}

/**
 * A customer's profile as it stood "as of" a day: only the records dated on or before it. Talking points, knowledge
 * and kits are written from this view, so nothing dated after "as of" reaches an output (with `asOf` 2026-06-30, a
 * purchase of 2027-01-01 is neither "latest" nor cited). From a {@link ProfileStore} the view is rebuilt from the
 * events; for other profiles, purchase items whose latest purchase is later are left out (their counts cannot be
 * split by day).
 *
 * @example
 * profileAsOf(prepared.profiles, "C0042", prepared.asOfDay)?.purchases.last?.day; //=> ≤ prepared.asOfDay
 */
export function profileAsOf(profiles: ReadonlyMap<string, CustomerProfile>, customerId: string, asOfDay: number): CustomerProfile | undefined {
  if (profiles instanceof ProfileStore) {
    const index = profiles.indexOf(customerId);
    return index < 0 ? undefined : profiles.profileAt(index, asOfDay);
  }
  const profile = profiles.get(customerId);
  if (profile === undefined) return undefined;
  const { purchases } = profile;
  const kept = purchases.days.map((day, index) => [day, purchases.daySpend[index] as number] as const).filter(([day]) => day <= asOfDay);
  const items = (list: readonly ItemCount[]) => list.filter((item) => item.last.day <= asOfDay);
  const dated = (ref: DatedRef | undefined) => (ref === undefined || ref.day > asOfDay ? undefined : ref);
  return {
    ...profile,
    purchases: {
      ...purchases,
      days: kept.map(([day]) => day),
      daySpend: kept.map(([, spend]) => spend),
      spend: kept.reduce((sum, [, spend]) => sum + spend, 0),
      first: dated(purchases.first),
      last: kept.length === purchases.days.length ? purchases.last : undefined,
      products: items(purchases.products),
      categories: items(purchases.categories),
    },
    surveys: onOrBefore(profile.surveys, asOfDay),
    social: { ...profile.social, public: onOrBefore(profile.social.public, asOfDay) },
  };
}
