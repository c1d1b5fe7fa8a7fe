import { mean } from "simple-statistics";
import type { CustomerProfile } from "../profile/customer-profile.js";
import type { ScaleDefinition } from "../schema/scale.js";
import type { CommitmentParams } from "./commitment-params.js";
import { fitScales, resolveScales } from "./fit-scales.js";
import { netPromoterScore } from "./net-promoter-score.js";
import { rawCommitment } from "./raw-commitment.js";

/** Mean used when nobody answered a survey: the middle of the scale, committing to nothing. */
const NEUTRAL_MEAN = 0.5;
/** One recency-weighted response is worth as much as the prior: a single answer moves a customer halfway. */
const PRIOR_WEIGHT = 1;

/** Options of {@link fitCommitment}. */
export interface FitCommitmentOptions {
  readonly halfLifeDays: number;
  readonly scales?: readonly ScaleDefinition[] | undefined;
  readonly answerScale: { readonly min: number; readonly max: number };
}

/**
 * Fits the commitment dimension's population parameters: the scales (with Cronbach's alpha and warnings), the
 * population NPS (each customer's latest answer) with its standard error, and the mean survey commitment — the
 * empirical-Bayes prior a customer's own answers are shrunk toward.
 *
 * @example
 * const params = fitCommitment([...profiles.values()], 20634, { halfLifeDays: 365, answerScale: { min: 1, max: 5 } });
 * params.nps; //=> { nps: 12.4, standardError: 2.1, … }
 */
export function fitCommitment(profiles: readonly CustomerProfile[], asOfDay: number, options: FitCommitmentOptions): CommitmentParams {
  const { scales, warnings } = fitScales(resolveScales(options.scales, profiles, options.answerScale), profiles);
  const values: number[] = [];
  const latestNps: number[] = [];
  for (const profile of profiles) {
    const raw = rawCommitment(profile, asOfDay, options.halfLifeDays, scales);
    if (raw !== undefined) values.push(raw.value);
    // Surveys are sorted by day: the last NPS answer is the latest.
    const latest = profile.surveys.findLast((response) => response.nps !== undefined && response.day <= asOfDay)?.nps;
    if (latest !== undefined) latestNps.push(latest);
  }
  return {
    populationMean: values.length > 0 ? mean(values) : NEUTRAL_MEAN,
    priorWeight: PRIOR_WEIGHT,
    halfLifeDays: options.halfLifeDays,
    scales,
    nps: netPromoterScore(latestNps),
    warnings,
  };
}
