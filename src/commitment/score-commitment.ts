import type { CustomerProfile, SurveyEvidence } from "../profile/customer-profile.js";
import { compareText } from "../profile/order.js";
import { lowerCredibleBound } from "../stats/credible-bound.js";
import { recencyWeight } from "../stats/decay.js";
import type { DimensionScore } from "../stats/dimension-score.js";
import type { CommitmentEvidence, CommitmentParams, ScaleResult } from "./commitment-params.js";
import { npsCategory } from "./nps-category.js";
import { rawCommitment } from "./raw-commitment.js";
import { scaleScore } from "./scale-score.js";

/** Evidence lists (words, cited responses) keep at most this many entries. */
const MAX_WORDS = 10;

function sortedUnique(words: Iterable<string>, limit = Number.POSITIVE_INFINITY): string[] {
  return [...new Set(words)].sort(compareText).slice(0, limit);
}

/** Recency-weighted scale scores of one customer, in the model's scale order. */
function customerScales(surveys: readonly SurveyEvidence[], params: CommitmentParams, asOfDay: number): ScaleResult[] {
  const results: ScaleResult[] = [];
  for (const scale of params.scales) {
    let total = 0;
    let weight = 0;
    for (const response of surveys) {
      const value = scaleScore(scale, response.answers);
      if (value === undefined) continue;
      const responseWeight = recencyWeight(asOfDay - response.day, params.halfLifeDays);
      total += value * responseWeight;
      weight += responseWeight;
    }
    if (weight > 0) results.push({ name: scale.name, construct: scale.construct, score: total / weight });
  }
  return results;
}

/**
 * Scores emotional commitment on 0..1 from survey answers — NPS, attachment scales (reverse-coded items handled),
 * CSAT and the tone of comments — weighted by recency (a 10 from three years ago counts less than a 6 last month)
 * and shrunk toward the population mean (one answer is weak evidence, an old one weaker). The score is the lower
 * credible bound of that estimate, so it rises with evidence and a single old answer cannot pass for commitment.
 * Evidence names the scales, the lexicon words and the praise/complaint themes behind it. A customer with no
 * survey answer scores 0 with confidence 0: commitment is measured, never assumed.
 *
 * @example
 * scoreCommitment(profile, model.commitment, model.asOfDay).evidence.praise; //=> ["quality", "shipping"]
 */
export function scoreCommitment(profile: CustomerProfile, params: CommitmentParams, asOfDay: number): DimensionScore<CommitmentEvidence> {
  // "As of" a day means no answer given after it is known yet.
  const surveys = profile.surveys.filter((response) => response.day <= asOfDay);
  const latest = surveys.findLast((response) => response.nps !== undefined);
  const raw = rawCommitment(profile, asOfDay, params.halfLifeDays, params.scales);
  const evidence: CommitmentEvidence = {
    responses: surveys.length,
    responseRefs: surveys.slice(-MAX_WORDS).reverse().map((response) => response.ref),
    effectiveResponses: raw?.weight ?? 0,
    latestNps: latest?.nps,
    latestNpsCategory: latest?.nps === undefined ? undefined : npsCategory(latest.nps),
    latestNpsDay: latest?.day,
    rawScore: raw?.value,
    scales: customerScales(surveys, params, asOfDay),
    positiveWords: sortedUnique(surveys.flatMap((response) => response.positiveWords ?? []), MAX_WORDS),
    negativeWords: sortedUnique(surveys.flatMap((response) => response.negativeWords ?? []), MAX_WORDS),
    praise: sortedUnique(surveys.flatMap((response) => response.praise ?? [])),
    complaints: sortedUnique(surveys.flatMap((response) => response.complaints ?? [])),
  };
  if (raw === undefined) return { score: 0, confidence: 0, evidence };
  const evidenceWeight = raw.weight + params.priorWeight;
  const shrunk = (raw.weight * raw.value + params.priorWeight * params.populationMean) / evidenceWeight;
  return { score: lowerCredibleBound(shrunk, evidenceWeight), confidence: raw.weight / evidenceWeight, evidence: { ...evidence, shrunkScore: shrunk } };
}
