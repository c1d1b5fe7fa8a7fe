import type { RecordRef } from "../schema/problem.js";
import { ProfileStore, type StoreColumns } from "./profile-store.js";

/** Exact duplicate purchase rows in a store: how many, which events, and a few examples to show. */
export interface DuplicatePurchases {
  readonly rows: number;
  /** Event indices of the repeats (the first of each set is kept). */
  readonly events: readonly number[];
  readonly examples: ReadonlyArray<{ readonly repeat: RecordRef; readonly of: RecordRef }>;
}

const EXAMPLES = 5;

/**
 * Finds purchase rows that repeat another row of the same customer exactly: the same order id, product, category,
 * amount and day. Only rows with an order id count (two identical coffees on one day without one are two
 * purchases); an export that lists an order twice would otherwise double-count its spend and its buying day.
 *
 * @example
 * findDuplicatePurchases(store).rows; //=> 3
 */
export function findDuplicatePurchases(store: ProfileStore): DuplicatePurchases {
  const p = store.columns.purchases;
  const events: number[] = [];
  const repeats = new Set<number>();
  const examples: Array<{ repeat: RecordRef; of: RecordRef }> = [];
  const ref = (event: number): RecordRef => ({ source: store.columns.sources[p.source[event] as number] as string, row: p.row[event] as number });
  for (let customer = 0; customer < store.size; customer += 1) {
    const from = p.starts[customer] as number;
    const to = p.starts[customer + 1] as number;
    // A customer's purchases are in day order: repeats of one day sit together.
    for (let event = from + 1; event < to; event += 1) {
      if (p.order[event] === 0) continue;
      for (let earlier = event - 1; earlier >= from && p.day[earlier] === p.day[event]; earlier -= 1) {
        if (p.order[earlier] === p.order[event] && p.amount[earlier] === p.amount[event] && p.product[earlier] === p.product[event] && p.category[earlier] === p.category[event] && !repeats.has(earlier)) {
          events.push(event);
          repeats.add(event);
          if (examples.length < EXAMPLES) examples.push({ repeat: ref(event), of: ref(earlier) });
          break;
        }
      }
    }
  }
  return { rows: events.length, events, examples };
}

/**
 * The store without the given purchase events (exact duplicates, dropped on request).
 *
 * @example
 * withoutPurchases(store, findDuplicatePurchases(store).events).columns.purchases.day.length;
 */
export function withoutPurchases(store: ProfileStore, drop: readonly number[]): ProfileStore {
  if (drop.length === 0) return store;
  const p = store.columns.purchases;
  const dropped = new Uint8Array(p.day.length);
  for (const event of drop) dropped[event] = 1;
  const kept = p.day.length - drop.length;
  const starts = new Int32Array(p.starts.length);
  const keep = <A extends Int32Array | Float64Array>(column: A): A => {
    const out = new (column.constructor as new (length: number) => A)(kept);
    let at = 0;
    for (let event = 0; event < column.length; event += 1) if (dropped[event] === 0) out[at++] = column[event] as number;
    return out;
  };
  let at = 0;
  for (let customer = 0; customer < store.size; customer += 1) {
    starts[customer] = at;
    for (let event = p.starts[customer] as number; event < (p.starts[customer + 1] as number); event += 1) if (dropped[event] === 0) at += 1;
  }
  starts[store.size] = at;
  const purchases: StoreColumns["purchases"] = {
    starts,
    source: keep(p.source),
    row: keep(p.row),
    day: keep(p.day),
    amount: keep(p.amount),
    product: keep(p.product),
    category: keep(p.category),
    order: keep(p.order),
  };
  return new ProfileStore({ ...store.columns, purchases });
}
