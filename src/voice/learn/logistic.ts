/** Largest |logit| used: 1/(1+e^-30) is still below 1 in double precision, so a propensity is always inside (0, 1). */
export const MAX_LOGIT = 30;

/**
 * The logistic function, with its argument clamped to ±{@link MAX_LOGIT} so the result is strictly inside (0, 1)
 * and never NaN (a NaN argument counts as 0, i.e. no evidence either way).
 *
 * @example
 * logistic(0); //=> 0.5
 */
export function logistic(logit: number): number {
  const z = Number.isNaN(logit) ? 0 : Math.min(MAX_LOGIT, Math.max(-MAX_LOGIT, logit));
  return 1 / (1 + Math.exp(-z));
}
