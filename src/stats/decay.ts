/**
 * Exponential recency weight: 1 today, 0.5 one half-life ago, 0.25 two half-lives ago. Future days weigh 1.
 *
 * @example
 * recencyWeight(365, 365); //=> 0.5
 */
export function recencyWeight(ageDays: number, halfLifeDays: number): number {
  return ageDays <= 0 ? 1 : Math.pow(0.5, ageDays / halfLifeDays);
}

/** Ages beyond this many days (about 90 years) are computed, not kept. */
const MAX_TABLED_AGE = 32_768;
/** Half-lives whose tables are kept; a model uses two (surveys and social). */
const KEPT_HALF_LIVES = 8;

/**
 * {@link recencyWeight} for one half-life, with whole-day ages looked up in a table filled as ages are met: scoring
 * weighs every post and answer, and `Math.pow` costs more than the rest of weighing it. Each entry is computed by
 * `recencyWeight` itself, so a looked-up weight is the computed one, to the last bit.
 */
export class RecencyWeights {
  // NaN marks an age not computed yet.
  private table = new Float64Array(0);

  constructor(readonly halfLifeDays: number) {}

  /**
   * The weight of an activity `ageDays` old.
   *
   * @example
   * new RecencyWeights(365).of(365); //=> 0.5
   */
  of(ageDays: number): number {
    if (ageDays <= 0) return 1;
    if (!Number.isInteger(ageDays) || ageDays >= MAX_TABLED_AGE) return recencyWeight(ageDays, this.halfLifeDays);
    if (ageDays >= this.table.length) this.grow(ageDays);
    const known = this.table[ageDays] as number;
    if (!Number.isNaN(known)) return known;
    const weight = recencyWeight(ageDays, this.halfLifeDays);
    this.table[ageDays] = weight;
    return weight;
  }

  private grow(ageDays: number): void {
    const table = new Float64Array(Math.min(MAX_TABLED_AGE, Math.max(1024, ageDays + 1, 2 * this.table.length))).fill(Number.NaN);
    table.set(this.table);
    this.table = table;
  }
}

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
