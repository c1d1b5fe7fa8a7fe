/**
 * Lift at k: the share of positives among the k highest scores, divided by the share of positives overall. A lift of
 * 3 means the top k hold three times as many positives as k customers picked at random would.
 *
 * Ties are broken by index (the earlier one ranks higher), so the answer never depends on sort stability; a NaN
 * score ranks below every number. k is floored and capped at the number of scores. Returns 0, not NaN, when
 * there is nothing to measure (no scores, k < 1, or no positives at all).
 *
 * @example
 * liftAtK([0.9, 0.8, 0.7, 0.1], [true, false, true, false], 2); //=> (1/2) / (2/4) = 1
 */
export function liftAtK(scores: readonly number[], labels: readonly boolean[], k: number): number {
  if (scores.length !== labels.length) throw new RangeError(`liftAtK: ${scores.length} scores but ${labels.length} labels`);
  const n = scores.length;
  const top = Math.min(n, Math.floor(Number.isFinite(k) ? k : 0));
  let positives = 0;
  for (const label of labels) if (label) positives += 1;
  if (n === 0 || top < 1 || positives === 0) return 0;
  const keyOf = (index: number): number => {
    const score = scores[index]!;
    return Number.isNaN(score) ? -Infinity : score;
  };
  const order = Array.from({ length: n }, (_, index) => index).sort((a, b) => {
    const difference = keyOf(b) - keyOf(a);
    // −∞ − −∞ is NaN: equal keys, so fall through to the index.
    return difference > 0 ? 1 : difference < 0 ? -1 : a - b;
  });
  let hits = 0;
  for (let rank = 0; rank < top; rank++) if (labels[order[rank]!]) hits += 1;
  return hits / top / (positives / n);
}
