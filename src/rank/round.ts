/**
 * Rounds to 4 decimals for output (scores are not meaningful beyond that), mapping anything non-finite to 0 so
 * no NaN or Infinity ever reaches an output.
 *
 * @example
 * round4(0.123456); //=> 0.1235
 */
export function round4(value: number): number {
  return Number.isFinite(value) ? Math.round(value * 10_000) / 10_000 : 0;
}
