/**
 * A cautious estimate of a proportion-like quantity on 0..1: its mean minus one standard deviation of a Beta
 * distribution with that mean and `evidence` pseudo-observations, floored at 0.
 *
 * Why: ranking by a point estimate puts the customer with one lucky answer above the one with ten good ones. The
 * lower bound rises as evidence accumulates, so the ranking rewards what the data actually supports.
 *
 * @example
 * lowerCredibleBound(0.9, 1);  //=> 0.6879 (one observation: little support)
 * lowerCredibleBound(0.9, 20); //=> 0.8345 (twenty: the estimate stands)
 */
export function lowerCredibleBound(mean: number, evidence: number): number {
  const clamped = Math.min(1, Math.max(0, mean));
  const bound = clamped - Math.sqrt((clamped * (1 - clamped)) / (Math.max(0, evidence) + 1));
  return Number.isFinite(bound) ? Math.max(0, bound) : 0;
}
