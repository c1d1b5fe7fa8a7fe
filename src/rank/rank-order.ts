import { compareText } from "../profile/order.js";

/**
 * Ranking order: higher score first, then higher confidence, then customer ID — a total order, so the ranking is
 * the same on every run whatever order the data came in.
 *
 * @example
 * [{ customerId: "b", advocate: 0.5, confidence: 0.5 }, { customerId: "a", advocate: 0.5, confidence: 0.5 }].sort(compareRank)[0]?.customerId; //=> "a"
 */
export function compareRank(
  a: { readonly customerId: string; readonly advocate: number; readonly confidence: number },
  b: { readonly customerId: string; readonly advocate: number; readonly confidence: number },
): number {
  return b.advocate - a.advocate || b.confidence - a.confidence || compareText(a.customerId, b.customerId);
}
