import { mean } from "simple-statistics";
import type { CustomerProfile } from "../profile/customer-profile.js";
import type { CommitmentParams } from "./commitment-params.js";
import { rawCommitment } from "./raw-commitment.js";

/** Mean used when nobody answered a survey: the middle of the scale, committing to nothing. */
const NEUTRAL_MEAN = 0.5;
/** One recency-weighted response is worth as much as the prior: a single answer moves a customer halfway. */
const PRIOR_WEIGHT = 1;

/**
 * Fits the commitment dimension's population parameters: the mean survey commitment (the empirical-Bayes prior).
 *
 * @example
 * fitCommitment(profileSet.profiles.values(), 19800, 365).populationMean; //=> 0.64
 */
export function fitCommitment(profiles: Iterable<CustomerProfile>, asOfDay: number, halfLifeDays: number): CommitmentParams {
  const values: number[] = [];
  for (const profile of profiles) {
    const raw = rawCommitment(profile, asOfDay, halfLifeDays);
    if (raw !== undefined) values.push(raw.value);
  }
  return { populationMean: values.length > 0 ? mean(values) : NEUTRAL_MEAN, priorWeight: PRIOR_WEIGHT, halfLifeDays };
}
