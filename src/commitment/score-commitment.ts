import type { CustomerProfile } from "../profile/customer-profile.js";
import type { DimensionScore } from "../stats/dimension-score.js";
import type { CommitmentEvidence, CommitmentParams } from "./commitment-params.js";
import { lowerCredibleBound } from "../stats/credible-bound.js";
import { npsCategory } from "./nps-category.js";
import { rawCommitment } from "./raw-commitment.js";

/**
 * Scores emotional commitment on 0..1 from survey answers (NPS, scale items, CSAT) and the tone of comments,
 * weighted by recency and shrunk toward the population mean (one answer is weak evidence, an old one weaker). The
 * score is the lower credible bound of that estimate ({@link lowerCredibleBound}), so it rises with evidence and a
 * single old answer cannot pass for commitment. A customer with no survey answer scores 0 with confidence 0:
 * commitment is measured, never assumed.
 *
 * @example
 * scoreCommitment(profile, model.commitment, model.asOfDay).evidence.latestNpsCategory; //=> "promoter"
 */
export function scoreCommitment(profile: CustomerProfile, params: CommitmentParams, asOfDay: number): DimensionScore<CommitmentEvidence> {
  let latestNps: { nps: number; day: number } | undefined;
  for (const response of profile.surveys) {
    // Surveys are sorted by day, so the last NPS seen is the latest.
    if (response.nps !== undefined) latestNps = { nps: response.nps, day: response.day };
  }
  const raw = rawCommitment(profile, asOfDay, params.halfLifeDays);
  const evidence: CommitmentEvidence = {
    responses: profile.surveys.length,
    effectiveResponses: raw?.weight ?? 0,
    latestNps: latestNps?.nps,
    latestNpsCategory: latestNps === undefined ? undefined : npsCategory(latestNps.nps),
    latestNpsDay: latestNps?.day,
    rawScore: raw?.value,
  };
  if (raw === undefined) return { score: 0, confidence: 0, evidence };
  const evidenceWeight = raw.weight + params.priorWeight;
  const shrunk = (raw.weight * raw.value + params.priorWeight * params.populationMean) / evidenceWeight;
  return { score: lowerCredibleBound(shrunk, evidenceWeight), confidence: raw.weight / evidenceWeight, evidence: { ...evidence, shrunkScore: shrunk } };
}
