import type { CustomerProfile } from "../profile/customer-profile.js";
import { recencyWeight } from "../stats/decay.js";
import type { FittedScale } from "./commitment-params.js";
import { responseCommitment } from "./response-commitment.js";

/** A customer's recency-weighted survey commitment before shrinkage, and how much evidence it rests on. */
export interface RawCommitment {
  readonly value: number;
  readonly weight: number;
}

/**
 * Recency-weighted mean of a customer's response commitments: a 10 from three years ago counts less than a 6
 * last month. `undefined` when the customer never answered a survey with a usable signal.
 *
 * @example
 * rawCommitment(profile, 19800, 365, model.commitment.scales)?.value; //=> 0.83
 */
export function rawCommitment(profile: CustomerProfile, asOfDay: number, halfLifeDays: number, scales: readonly FittedScale[]): RawCommitment | undefined {
  let total = 0;
  let weight = 0;
  for (const response of profile.surveys) {
    if (response.day > asOfDay) continue;
    const value = responseCommitment(response, scales);
    if (value === undefined) continue;
    const responseWeight = recencyWeight(asOfDay - response.day, halfLifeDays);
    total += value * responseWeight;
    weight += responseWeight;
  }
  return weight > 0 ? { value: total / weight, weight } : undefined;
}
