import type { DimensionWeights } from "./advocate-model.js";

/**
 * Combines the three dimension scores with AND semantics: a weighted geometric mean,
 * `loyalty^wL × commitment^wC × voice^wV` with weights summing to 1.
 *
 * Why geometric: an arithmetic mean lets two strong dimensions hide a missing third — a vocal critic (loyal, loud,
 * not committed), a silent loyalist (loyal, committed, never posts) or a promoter who stopped buying would land
 * near the top. With a geometric mean a zero anywhere gives zero, and 0.9/0.9/0.1 scores 0.43 where 0.6/0.6/0.6
 * scores 0.6: the weakest dimension dominates, which is what "at once loyal, committed and vocal" means.
 *
 * @example
 * advocateScore({ loyalty: 0.9, commitment: 0.9, voice: 0.1 }, { loyalty: 1 / 3, commitment: 1 / 3, voice: 1 / 3 }); //=> 0.4327
 */
export function advocateScore(scores: DimensionWeights, weights: DimensionWeights): number {
  return weightedGeometricMean(scores.loyalty, scores.commitment, scores.voice, weights);
}

/**
 * {@link advocateScore} of the three scores as numbers, so score() builds no object to combine them.
 *
 * @example
 * weightedGeometricMean(0.9, 0.9, 0.1, { loyalty: 1 / 3, commitment: 1 / 3, voice: 1 / 3 }); //=> 0.4327
 */
export function weightedGeometricMean(loyalty: number, commitment: number, voice: number, weights: DimensionWeights): number {
  // A zero anywhere (under any non-zero weight) gives zero whatever the other powers come to, so they are not
  // computed: most customers miss at least one dimension.
  if ((loyalty === 0 && weights.loyalty !== 0) || (commitment === 0 && weights.commitment !== 0) || (voice === 0 && weights.voice !== 0)) return 0;
  const combined = Math.pow(loyalty, weights.loyalty) * Math.pow(commitment, weights.commitment) * Math.pow(voice, weights.voice);
  return Number.isFinite(combined) ? Math.min(1, Math.max(0, combined)) : 0;
}
