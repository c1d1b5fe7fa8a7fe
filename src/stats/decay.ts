/**
 * Exponential recency weight: 1 today, 0.5 one half-life ago, 0.25 two half-lives ago. Future days weigh 1.
 *
 * @example
 * recencyWeight(365, 365); //=> 0.5
 */
export function recencyWeight(ageDays: number, halfLifeDays: number): number {
  return ageDays <= 0 ? 1 : Math.pow(0.5, ageDays / halfLifeDays);
}
