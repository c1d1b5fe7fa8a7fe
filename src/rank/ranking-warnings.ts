import type { DimensionWeights } from "../model/advocate-model.js";

/** What ranking saw of each dimension: customers with any data for it, and customers below its minimum. */
export interface DimensionCoverage {
  readonly scored: number;
  readonly withData: DimensionWeights;
  readonly belowMinimum: DimensionWeights;
  readonly listed: number;
}

const WHAT: Record<keyof DimensionWeights, { readonly data: string; readonly source: string }> = {
  loyalty: { data: "no purchase", source: "purchases" },
  commitment: { data: "no survey response", source: "surveys" },
  voice: { data: "no public social activity", source: "social activity" },
};

/**
 * The warnings a ranking deserves, so that an empty list never looks like success: a dimension no customer has any
 * data for (every score 0 on it, so under the AND nobody can be listed), and a list left empty by the minimums,
 * saying which dimension held most customers back and what to do.
 *
 * @example
 * rankingWarnings({ scored: 3000, withData: { loyalty: 2900, commitment: 0, voice: 800 }, belowMinimum: { loyalty: 900, commitment: 3000, voice: 2500 }, listed: 0 }, minimum);
 * //=> ["no survey response in the data: every customer's commitment is 0, …", "no customer was listed: …"]
 */
export function rankingWarnings(coverage: DimensionCoverage, minimum: DimensionWeights, weights: DimensionWeights): string[] {
  const warnings: string[] = [];
  if (coverage.scored === 0) return ["no customer was profiled, so nobody could be listed: check that the files hold records and that not everyone was excluded"];
  for (const dimension of ["loyalty", "commitment", "voice"] as const) {
    if (coverage.withData[dimension] > 0 || (minimum[dimension] === 0 && weights[dimension] === 0)) continue;
    const { data, source } = WHAT[dimension];
    warnings.push(
      `${data} in the data: every customer's ${dimension} is 0, so nobody can be listed (minimum.${dimension} is ${minimum[dimension]}, and the score is an AND): give ${source}, or set minimum.${dimension} and weights.${dimension} to 0 to rank without it`,
    );
  }
  if (coverage.listed === 0) {
    const held = (["loyalty", "commitment", "voice"] as const).map((dimension) => `${coverage.belowMinimum[dimension]} below the ${dimension} minimum (${minimum[dimension]})`);
    warnings.push(`no customer was listed: of ${coverage.scored} scored, ${held.join(", ")}; lower a minimum to see who comes closest`);
  }
  return warnings;
}
