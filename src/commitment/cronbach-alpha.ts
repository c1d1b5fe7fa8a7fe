import { sampleVariance } from "simple-statistics";

/**
 * Cronbach's alpha, the internal consistency of a multi-item scale:
 * `α = k / (k − 1) × (1 − Σ var(itemᵢ) / var(total))` over respondents who answered every item (listwise).
 * By convention α ≥ 0.7 is acceptable; lower means the items may not measure one construct.
 * `undefined` when it is not defined: fewer than 2 items, fewer than 2 complete respondents, or no variance in
 * the totals.
 *
 * Cronbach, L. J. (1951). Coefficient alpha and the internal structure of tests. Psychometrika 16, 297–334.
 *
 * @example
 * cronbachAlpha([[4, 5, 4], [2, 3, 3], [5, 5, 4], [3, 3, 2]]); //=> 0.9268
 */
export function cronbachAlpha(respondents: ReadonlyArray<readonly number[]>): number | undefined {
  const items = respondents[0]?.length ?? 0;
  if (items < 2 || respondents.length < 2) return undefined;
  const columns = Array.from({ length: items }, (_, item) => respondents.map((row) => row[item] as number));
  const totals = respondents.map((row) => row.reduce((sum, value) => sum + value, 0));
  const totalVariance = sampleVariance(totals);
  if (!(totalVariance > 0)) return undefined;
  const itemVariance = columns.reduce((sum, column) => sum + sampleVariance(column), 0);
  const alpha = (items / (items - 1)) * (1 - itemVariance / totalVariance);
  return Number.isFinite(alpha) ? alpha : undefined;
}
