import type { CustomerProfile, DatedRef, ItemCount, PurchaseAggregate, ProfileSet } from "./customer-profile.js";
import { compareDated, compareText } from "./order.js";
import { mergeStores } from "./merge-stores.js";
import { ProfileStore } from "./profile-store.js";

function earlier(a: DatedRef | undefined, b: DatedRef | undefined): DatedRef | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return compareDated(a, b) <= 0 ? a : b;
}

function later(a: DatedRef | undefined, b: DatedRef | undefined): DatedRef | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return compareDated(a, b) >= 0 ? a : b;
}

function mergeItems(a: readonly ItemCount[], b: readonly ItemCount[]): ItemCount[] {
  const byName = new Map<string, ItemCount>();
  for (const item of [...a, ...b]) {
    const seen = byName.get(item.name);
    byName.set(item.name, seen ? { name: item.name, count: seen.count + item.count, last: later(seen.last, item.last)! } : item);
  }
  return [...byName.values()].sort((x, y) => compareText(x.name, y.name));
}

function mergeDays(a: PurchaseAggregate, b: PurchaseAggregate): { days: number[]; daySpend: number[] } {
  const spendByDay = new Map<number, number>();
  for (const side of [a, b]) {
    side.days.forEach((day, index) => spendByDay.set(day, (spendByDay.get(day) ?? 0) + (side.daySpend[index] ?? 0)));
  }
  const days = [...spendByDay.keys()].sort((x, y) => x - y);
  return { days, daySpend: days.map((day) => spendByDay.get(day) ?? 0) };
}

/**
 * Merges two profiles of the same customer built from different shards of the data. The result equals the
 * profile built in one pass over both shards, so large inputs can be profiled in parts and combined.
 *
 * @example
 * const whole = mergeProfiles(profileFromShardA, profileFromShardB);
 * whole.purchases.orders === profileFromShardA.purchases.orders + profileFromShardB.purchases.orders; //=> true
 */
export function mergeProfiles(a: CustomerProfile, b: CustomerProfile): CustomerProfile {
  if (a.customerId !== b.customerId) {
    throw new RangeError(`mergeProfiles: cannot merge customers ${JSON.stringify(a.customerId)} and ${JSON.stringify(b.customerId)}`);
  }
  const handles = new Map<string, string>(a.handles);
  for (const [platform, handle] of b.handles) if (!handles.has(platform)) handles.set(platform, handle);
  const invited = [a.lastInvitedDay, b.lastInvitedDay].filter((day): day is number => day !== undefined);
  return {
    customerId: a.customerId,
    name: a.name ?? b.name,
    handles: [...handles].sort(([x], [y]) => compareText(x, y)),
    consent: a.consent ?? b.consent,
    lastInvitedDay: invited.length > 0 ? Math.max(...invited) : undefined,
    purchases: {
      orders: a.purchases.orders + b.purchases.orders,
      returned: a.purchases.returned + b.purchases.returned,
      spend: a.purchases.spend + b.purchases.spend,
      ...mergeDays(a.purchases, b.purchases),
      first: earlier(a.purchases.first, b.purchases.first),
      last: later(a.purchases.last, b.purchases.last),
      products: mergeItems(a.purchases.products, b.purchases.products),
      categories: mergeItems(a.purchases.categories, b.purchases.categories),
    },
    surveys: [...a.surveys, ...b.surveys].sort(compareDated),
    social: {
      public: [...a.social.public, ...b.social.public].sort(compareDated),
      privateCount: a.social.privateCount + b.social.privateCount,
    },
  };
}

/**
 * Merges two profile sets (shards) into one: the result equals profiling all their records in one pass. Two
 * {@link ProfileStore}s (what the library builds) merge event by event, so every sum is taken in the one canonical
 * order; other maps merge profile by profile with {@link mergeProfiles}.
 *
 * @example
 * const all = mergeProfileSets(buildProfiles(firstHalf), buildProfiles(secondHalf));
 */
export function mergeProfileSets(a: ProfileSet, b: ProfileSet): ProfileSet {
  if (a.profiles instanceof ProfileStore && b.profiles instanceof ProfileStore) {
    const profiles = mergeStores([a.profiles, b.profiles]).store;
    return { profiles, latestDay: profiles.latestDay };
  }
  const profiles = new Map(a.profiles);
  for (const [id, profile] of b.profiles) {
    const seen = profiles.get(id);
    profiles.set(id, seen ? mergeProfiles(seen, profile) : profile);
  }
  const latest = [a.latestDay, b.latestDay].filter((day): day is number => day !== undefined);
  return { profiles: sortById(profiles), latestDay: latest.length > 0 ? Math.max(...latest) : undefined };
}

/**
 * Returns the map re-inserted in customer-ID order, so iteration order (and every output) is deterministic.
 *
 * @example
 * [...sortById(new Map([["b", 1], ["a", 2]])).keys()]; //=> ["a", "b"]
 */
export function sortById<T>(map: Map<string, T>): Map<string, T> {
  return new Map([...map].sort(([x], [y]) => compareText(x, y)));
}
