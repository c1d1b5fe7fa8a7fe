import type { SurveyEvidence } from "../profile/customer-profile.js";

/**
 * Relative weight of each survey signal within one response. NPS leads (it is what brands collect), scale items
 * that measure attachment come next, CSAT (transaction satisfaction, not attachment) and comment tone last.
 */
export const RESPONSE_SIGNAL_WEIGHTS = { nps: 0.4, answers: 0.25, csat: 0.2, sentiment: 0.15 } as const;

/**
 * The commitment expressed in one survey response on 0..1, from whatever signals it carries (weights renormalised
 * over those present); `undefined` when it carries none.
 *
 * @example
 * responseCommitment({ day: 0, ref: { source: "surveys", row: 1 }, nps: 10 }); //=> 1
 */
export function responseCommitment(response: SurveyEvidence): number | undefined {
  let total = 0;
  let weight = 0;
  const add = (value: number | undefined, signalWeight: number): void => {
    if (value === undefined) return;
    total += value * signalWeight;
    weight += signalWeight;
  };
  add(response.nps === undefined ? undefined : response.nps / 10, RESPONSE_SIGNAL_WEIGHTS.nps);
  add(response.answers, RESPONSE_SIGNAL_WEIGHTS.answers);
  add(response.csat === undefined ? undefined : (response.csat - 1) / 4, RESPONSE_SIGNAL_WEIGHTS.csat);
  add(response.sentiment === undefined ? undefined : (response.sentiment + 1) / 2, RESPONSE_SIGNAL_WEIGHTS.sentiment);
  return weight > 0 ? total / weight : undefined;
}
