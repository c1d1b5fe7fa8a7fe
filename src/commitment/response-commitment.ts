import type { SurveyEvidence } from "../profile/customer-profile.js";
import { COMMITMENT_CONSTRUCTS } from "../schema/vocabulary.js";
import type { FittedScale } from "./commitment-params.js";
import { scaleScore } from "./scale-score.js";

/**
 * Relative weight of each survey signal within one response. NPS leads (it is what brands collect), the
 * attachment scales come next, CSAT (transaction satisfaction, not attachment) and comment tone last.
 */
export const RESPONSE_SIGNAL_WEIGHTS = { nps: 0.4, scales: 0.25, csat: 0.2, sentiment: 0.15 } as const;

/**
 * The mean of a response's scores on the scales that measure attachment (affective commitment, brand love,
 * self-brand connection); `undefined` when it answered none of their items.
 *
 * @example
 * attachmentScore(response, model.commitment.scales); //=> 0.83
 */
export function attachmentScore(response: SurveyEvidence, scales: readonly FittedScale[]): number | undefined {
  let total = 0;
  let count = 0;
  for (let index = 0; index < scales.length; index += 1) {
    const scale = scales[index] as FittedScale;
    if (!COMMITMENT_CONSTRUCTS.has(scale.construct)) continue;
    const value = scaleScore(scale, response.answers);
    if (value === undefined) continue;
    total += value;
    count += 1;
  }
  return count > 0 ? total / count : undefined;
}

/**
 * The commitment expressed in one survey response on 0..1, from whatever signals it carries (weights renormalised
 * over those present); `undefined` when it carries none.
 *
 * @example
 * responseCommitment({ day: 0, ref: { source: "surveys", row: 1 }, nps: 10, answers: [] }, []); //=> 1
 */
export function responseCommitment(response: SurveyEvidence, scales: readonly FittedScale[]): number | undefined {
  return signalsCommitment(response, attachmentScore(response, scales));
}

/**
 * {@link responseCommitment} given the response's {@link attachmentScore}, for score(), which computes each scale
 * score of a response once for both the attachment and the per-scale evidence.
 *
 * @example
 * signalsCommitment({ day: 0, ref: { source: "surveys", row: 1 }, nps: 10, answers: [] }, 0.5); //=> 0.8077
 */
export function signalsCommitment(response: SurveyEvidence, attachment: number | undefined): number | undefined {
  // Each signal present adds value × weight; written out (not through a helper closure) as it runs per response per score.
  let total = 0;
  let weight = 0;
  if (response.nps !== undefined) {
    total += (response.nps / 10) * RESPONSE_SIGNAL_WEIGHTS.nps;
    weight += RESPONSE_SIGNAL_WEIGHTS.nps;
  }
  if (attachment !== undefined) {
    total += attachment * RESPONSE_SIGNAL_WEIGHTS.scales;
    weight += RESPONSE_SIGNAL_WEIGHTS.scales;
  }
  if (response.csat !== undefined) {
    total += ((response.csat - 1) / 4) * RESPONSE_SIGNAL_WEIGHTS.csat;
    weight += RESPONSE_SIGNAL_WEIGHTS.csat;
  }
  if (response.sentiment !== undefined) {
    total += ((response.sentiment + 1) / 2) * RESPONSE_SIGNAL_WEIGHTS.sentiment;
    weight += RESPONSE_SIGNAL_WEIGHTS.sentiment;
  }
  return weight > 0 ? total / weight : undefined;
}
