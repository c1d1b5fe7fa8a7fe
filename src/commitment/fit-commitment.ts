import { mean } from "simple-statistics";
import type { CustomerProfile } from "../profile/customer-profile.js";
import type { ScaleDefinition } from "../schema/scale.js";
import type { CommitmentParams, FittedScale } from "./commitment-params.js";
import { resolveScales, ScaleFitter } from "./fit-scales.js";
import { netPromoterScore } from "./net-promoter-score.js";
import { rawCommitment } from "./raw-commitment.js";
import type * as z from "zod";
import { fitCommitmentOptionsSchema } from "../schema/model-options.js";
import { parseOptions } from "../schema/parse-options.js";

/** Mean used when nobody answered a survey: the middle of the scale, committing to nothing. */
const NEUTRAL_MEAN = 0.5;
/** One recency-weighted response is worth as much as the prior: a single answer moves a customer halfway. */
const PRIOR_WEIGHT = 1;

/** Options of {@link fitCommitment}. */
export type FitCommitmentOptions = z.input<typeof fitCommitmentOptionsSchema>;

/**
 * Collects, one profile at a time, what the commitment dimension's population parameters need (see
 * {@link fitCommitment}) for the given scale definitions; `finish()` computes them.
 *
 * @example
 * const fitter = new CommitmentFitter(resolveScales(undefined, profiles.values(), answerScale), 20634, 365);
 * for (const profile of profiles.values()) fitter.add(profile);
 * fitter.finish().populationMean; //=> 0.64
 */
export class CommitmentFitter {
  private readonly scaleFitter: ScaleFitter;
  /** Raw commitment reads only the scale definitions (items, range, reverse coding, construct), not their fit. */
  private readonly scales: FittedScale[];
  private readonly values: number[] = [];
  private readonly latestNps: number[] = [];

  constructor(
    definitions: readonly ScaleDefinition[],
    private readonly asOfDay: number,
    private readonly halfLifeDays: number,
  ) {
    this.scaleFitter = new ScaleFitter(definitions);
    this.scales = definitions.map((scale) => ({ ...scale, alpha: undefined, responses: 0 }));
  }

  add(profile: CustomerProfile): void {
    this.scaleFitter.add(profile);
    if (profile.surveys.length === 0) return;
    const raw = rawCommitment(profile, this.asOfDay, this.halfLifeDays, this.scales);
    if (raw !== undefined) this.values.push(raw.value);
    // Surveys are sorted by day: the last NPS answer is the latest.
    const latest = profile.surveys.findLast((response) => response.nps !== undefined && response.day <= this.asOfDay)?.nps;
    if (latest !== undefined) this.latestNps.push(latest);
  }

  finish(): CommitmentParams {
    const { scales, warnings } = this.scaleFitter.finish();
    return {
      populationMean: this.values.length > 0 ? mean(this.values) : NEUTRAL_MEAN,
      priorWeight: PRIOR_WEIGHT,
      halfLifeDays: this.halfLifeDays,
      scales,
      nps: netPromoterScore(this.latestNps),
      warnings,
    };
  }
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
  const checked = parseOptions(fitCommitmentOptionsSchema, options, "fitCommitment");
  const fitter = new CommitmentFitter(resolveScales(checked.scales, profiles, checked.answerScale), asOfDay, checked.halfLifeDays);
  for (const profile of profiles) fitter.add(profile);
  return fitter.finish();
}
