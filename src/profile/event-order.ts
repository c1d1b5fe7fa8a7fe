/** Events of one table grouped by customer, each customer's events in canonical order. */
export interface EventOrder {
  /** Event indices, customer by customer. */
  readonly order: Int32Array;
  /** `order[starts[c] .. starts[c + 1])` are customer c's events; length customers + 1. */
  readonly starts: Int32Array;
}

// Below this many events a customer's events are insertion-sorted in place; most customers have a handful.
const INSERTION_SORT_MAX = 24;

function sortSegment(order: Int32Array, from: number, to: number, compare: (a: number, b: number) => number): void {
  if (to - from <= INSERTION_SORT_MAX) {
    for (let i = from + 1; i < to; i += 1) {
      const event = order[i] as number;
      let j = i - 1;
      while (j >= from && compare(order[j] as number, event) > 0) {
        order[j + 1] = order[j] as number;
        j -= 1;
      }
      order[j + 1] = event;
    }
    return;
  }
  // A customer with thousands of events (a reseller, a bot account) must not cost a quadratic sort.
  order.subarray(from, to).sort(compare);
}

/**
 * Groups events by customer in one counting pass (stable, O(events + customers)), then orders each customer's
 * events with `compare` — the canonical order that makes a profile independent of input order and sharding.
 * `customerOf[e]` is event e's customer (0 ≤ c < customers), or −1 to leave the event out.
 *
 * @example
 * orderEvents(Int32Array.of(1, 0, 1), 2, (a, b) => a - b); //=> { order: [1, 0, 2], starts: [0, 1, 3] }
 */
export function orderEvents(customerOf: Int32Array, customers: number, compare: (a: number, b: number) => number): EventOrder {
  const starts = new Int32Array(customers + 1);
  for (let event = 0; event < customerOf.length; event += 1) {
    const customer = customerOf[event] as number;
    if (customer >= 0) starts[customer + 1] = (starts[customer + 1] as number) + 1;
  }
  for (let customer = 0; customer < customers; customer += 1) starts[customer + 1] = (starts[customer + 1] as number) + (starts[customer] as number);
  const order = new Int32Array(starts[customers] as number);
  const cursor = starts.slice(0, customers);
  for (let event = 0; event < customerOf.length; event += 1) {
    const customer = customerOf[event] as number;
    if (customer < 0) continue;
    order[cursor[customer] as number] = event;
    cursor[customer] = (cursor[customer] as number) + 1;
  }
  for (let customer = 0; customer < customers; customer += 1) {
    const from = starts[customer] as number;
    const to = starts[customer + 1] as number;
    if (to - from > 1) sortSegment(order, from, to, compare);
  }
  return { order, starts };
}

/**
 * The values of `column` in `order`: lays a column out customer by customer.
 *
 * @example
 * gather(Float64Array.of(5, 6, 7), Int32Array.of(2, 0)); //=> Float64Array [7, 5]
 */
export function gather<A extends Uint8Array | Int32Array | Float64Array>(column: A, order: Int32Array): A {
  const out = new (column.constructor as new (length: number) => A)(order.length);
  for (let index = 0; index < order.length; index += 1) out[index] = column[order[index] as number] as number;
  return out;
}

/**
 * {@link gather} for a column of references (strings, small arrays).
 *
 * @example
 * gatherValues(["a", "b", "c"], Int32Array.of(2, 0)); //=> ["c", "a"]
 */
export function gatherValues<T>(column: ReadonlyArray<T>, order: Int32Array): T[] {
  const out = new Array<T>(order.length);
  for (let index = 0; index < order.length; index += 1) out[index] = column[order[index] as number] as T;
  return out;
}
