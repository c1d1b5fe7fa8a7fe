import type { ScorePoint } from "../rank/personas.js";
import { compareText } from "../profile/order.js";

/** FNV-1a 32-bit hash: a cheap, stable pseudo-random key per customer ID. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * Picks at most `limit` points for a scatter plot, deterministically: by a hash of the customer ID, so the same
 * customers are kept on every run and in any input order, and the sample is not biased toward any score (taking the
 * first N by rank would show only the best). Returned in drawing order — lowest voice first, so vocal customers are
 * drawn on top and stay visible — with ties broken by customer ID.
 *
 * @example
 * samplePoints(result.advocates, 2000).length; //=> at most 2000
 */
export function samplePoints<T extends ScorePoint>(points: readonly T[], limit: number): T[] {
  const keyed = points.map((point) => ({ point, key: fnv1a(point.customerId) }));
  const kept =
    keyed.length <= limit
      ? keyed
      : keyed.sort((a, b) => a.key - b.key || compareText(a.point.customerId, b.point.customerId)).slice(0, Math.max(0, limit));
  return kept.map(({ point }) => point).sort((a, b) => a.voice - b.voice || compareText(a.customerId, b.customerId));
}
