import { WholeNumberTable } from "./whole-number-table.js";

/**
 * Exponential recency weight: 1 today, 0.5 one half-life ago, 0.25 two half-lives ago. Future days weigh 1.
 *
 * @example
 * recencyWeight(365, 365); //=> 0.5
 */
export function recencyWeight(ageDays: number, halfLifeDays: number): number {
  return ageDays <= 0 ? 1 : Math.pow(0.5, ageDays / halfLifeDays);
}

/**
 * {@link recencyWeight} of whole-day ages for one half-life, remembered (scoring weighs every post and answer, and
 * `Math.pow` costs more than the rest of weighing one). Each weight is computed by `recencyWeight` itself, so it is
 * the computed one to the last bit.
 */
export class RecencyWeights extends WholeNumberTable {
  constructor(readonly halfLifeDays: number) {
    super((ageDays) => recencyWeight(ageDays, halfLifeDays));
  }
}

/** Half-lives whose weights are kept; a model uses two (surveys and social). */
const KEPT_HALF_LIVES = 8;
const kept: RecencyWeights[] = [];

/**
 * The shared {@link RecencyWeights} of a half-life (the last few half-lives asked for are kept).
 *
 * @example
 * recencyWeights(180).of(360); //=> 0.25
 */
export function recencyWeights(halfLifeDays: number): RecencyWeights {
  for (let index = 0; index < kept.length; index += 1) {
    const weights = kept[index] as RecencyWeights;
    if (Object.is(weights.halfLifeDays, halfLifeDays)) return weights;
  }
  const weights = new RecencyWeights(halfLifeDays);
  if (kept.unshift(weights) > KEPT_HALF_LIVES) kept.pop();
  return weights;
}
