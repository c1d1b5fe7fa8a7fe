import type { CustomerProfile, SurveyEvidence } from "../profile/customer-profile.js";
import type { RecordRef } from "../schema/problem.js";
import { compareText } from "../profile/order.js";
import { lowerCredibleBound } from "../stats/credible-bound.js";
import { recencyWeight } from "../stats/decay.js";
import type { DimensionScore } from "../stats/dimension-score.js";
import type { CommitmentEvidence, CommitmentParams, ScaleResult } from "./commitment-params.js";
import { npsCategory } from "./nps-category.js";
import { responseCommitment } from "./response-commitment.js";
import { scaleScore } from "./scale-score.js";

/** Evidence lists (words, cited responses) keep at most this many entries. */
const MAX_WORDS = 10;

/** Appends a response's words (if any) to a list being collected. */
function collect(into: string[], words: readonly string[] | undefined): void {
  if (words !== undefined) for (let index = 0; index < words.length; index += 1) into.push(words[index] as string);
}

/**
 * Sorts collected words and drops repeats in place, keeping the first `limit`: the same list as
 * `[...new Set(words)].sort(compareText).slice(0, limit)` without the set and the two copies.
 */
function sortedUnique(words: string[], limit = Number.POSITIVE_INFINITY): string[] {
  if (words.length > 1) {
    words.sort(compareText);
    let kept = 1;
    for (let index = 1; index < words.length; index += 1) {
      if (words[index] !== words[kept - 1]) words[kept++] = words[index] as string;
    }
    words.length = kept;
  }
  if (words.length > limit) words.length = limit;
  return words;
}

/** The survey rows the score rests on, latest first: the last {@link MAX_WORDS} answered by `asOfDay`. */
function latestRefs(surveys: readonly SurveyEvidence[], asOfDay: number): RecordRef[] {
  const refs: RecordRef[] = [];
  for (let index = surveys.length - 1; index >= 0 && refs.length < MAX_WORDS; index -= 1) {
    const response = surveys[index] as SurveyEvidence;
    if (response.day <= asOfDay) refs.push(response.ref);
  }
  return refs;
}

/** Recency-weighted scale scores of one customer, in the model's scale order. */
function customerScales(surveys: readonly SurveyEvidence[], params: CommitmentParams, asOfDay: number): ScaleResult[] {
  const results: ScaleResult[] = [];
  for (const scale of params.scales) {
    let total = 0;
    let weight = 0;
    for (let index = 0; index < surveys.length; index += 1) {
      const response = surveys[index] as SurveyEvidence;
      if (response.day > asOfDay) continue;
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
  const { surveys } = profile;
  // One pass over the responses answered by "as of" (no answer given after it is known yet): the count, the latest
  // NPS answer, the recency-weighted commitment (weighted as rawCommitment, which the fit's prior is built with)
  // and the words and themes.
  let responses = 0;
  let latest: SurveyEvidence | undefined;
  let total = 0;
  let weight = 0;
  const positiveWords: string[] = [];
  const negativeWords: string[] = [];
  const praise: string[] = [];
  const complaints: string[] = [];
  for (let index = 0; index < surveys.length; index += 1) {
    const response = surveys[index] as SurveyEvidence;
    if (response.day > asOfDay) continue;
    responses += 1;
    if (response.nps !== undefined) latest = response;
    const value = responseCommitment(response, params.scales);
    if (value !== undefined) {
      const responseWeight = recencyWeight(asOfDay - response.day, params.halfLifeDays);
      total += value * responseWeight;
      weight += responseWeight;
    }
    collect(positiveWords, response.positiveWords);
    collect(negativeWords, response.negativeWords);
    collect(praise, response.praise);
    collect(complaints, response.complaints);
  }
  const answered = weight > 0;
  const rawScore = answered ? total / weight : undefined;
  const latestNps = latest?.nps;
  const evidence: { -readonly [Key in keyof CommitmentEvidence]: CommitmentEvidence[Key] } = {
    responses,
    responseRefs: latestRefs(surveys, asOfDay),
    effectiveResponses: answered ? weight : 0,
    latestNps,
    latestNpsCategory: latestNps === undefined ? undefined : npsCategory(latestNps),
    latestNpsDay: latest?.day,
    rawScore,
    scales: customerScales(surveys, params, asOfDay),
    positiveWords: sortedUnique(positiveWords, MAX_WORDS),
    negativeWords: sortedUnique(negativeWords, MAX_WORDS),
    praise: sortedUnique(praise),
    complaints: sortedUnique(complaints),
  };
  if (rawScore === undefined) return { score: 0, confidence: 0, evidence };
  const evidenceWeight = weight + params.priorWeight;
  const shrunk = (weight * rawScore + params.priorWeight * params.populationMean) / evidenceWeight;
  // Added in place, not spread into a copy: the copy would cost more than the rest of this function.
  evidence.shrunkScore = shrunk;
  return { score: lowerCredibleBound(shrunk, evidenceWeight), confidence: weight / evidenceWeight, evidence };
}
