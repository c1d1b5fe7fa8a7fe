import type { CustomerProfile, SurveyEvidence } from "../profile/customer-profile.js";
import type { RecordRef } from "../schema/problem.js";
import { compareText } from "../profile/order.js";
import { lowerCredibleBound } from "../stats/credible-bound.js";
import { recencyWeights } from "../stats/decay.js";
import type { DimensionScore } from "../stats/dimension-score.js";
import { COMMITMENT_CONSTRUCTS } from "../schema/vocabulary.js";
import type { CommitmentEvidence, CommitmentParams, FittedScale, ScaleResult } from "./commitment-params.js";
import { npsCategory } from "./nps-category.js";
import { signalsCommitment } from "./response-commitment.js";
import { scaleScore } from "./scale-score.js";

/** Evidence lists (words, cited responses) keep at most this many entries. */
const MAX_WORDS = 10;

/**
 * A sorted list of distinct words being collected from a customer's responses, reused across calls and copied out
 * at the length it reached: the copy ends as `[...new Set(words)].sort(compareText)` would, without the set, the
 * copies, sort's work array or a list grown by pushes (a comment carries a handful of words).
 */
class SortedWords {
  private readonly words: string[] = [];
  private size = 0;

  clear(): void {
    this.size = 0;
  }

  /** Adds each word in its sorted place, unless it is there already. */
  add(words: readonly string[] | undefined): void {
    if (words === undefined) return;
    const list = this.words;
    for (let index = 0; index < words.length; index += 1) {
      const word = words[index] as string;
      let at = this.size;
      while (at > 0 && compareText(list[at - 1] as string, word) > 0) at -= 1;
      if (at > 0 && list[at - 1] === word) continue;
      for (let later = this.size; later > at; later -= 1) list[later] = list[later - 1] as string;
      list[at] = word;
      this.size += 1;
    }
  }

  /** The first `limit` words, as a new list. */
  copy(limit = Number.POSITIVE_INFINITY): string[] {
    return this.words.slice(0, Math.min(this.size, limit));
  }
}

const positiveWords = new SortedWords();
const negativeWords = new SortedWords();
const praise = new SortedWords();
const complaints = new SortedWords();

/**
 * The survey rows the score rests on, latest first: the last `count` answered by `asOfDay` (at most
 * {@link MAX_WORDS}), in a list of exactly that length.
 */
function latestRefs(surveys: readonly SurveyEvidence[], asOfDay: number, count: number): RecordRef[] {
  const refs = new Array<RecordRef>(count);
  let kept = 0;
  for (let index = surveys.length - 1; index >= 0 && kept < count; index -= 1) {
    const response = surveys[index] as SurveyEvidence;
    if (response.day <= asOfDay) refs[kept++] = response.ref;
  }
  return refs;
}

/**
 * Running recency-weighted totals of one customer's scale scores, per scale of the model. One set of totals serves
 * every call: score() reads a customer's responses once and needs no new arrays for it.
 */
const scaleTotals = { total: new Float64Array(4), weight: new Float64Array(4) };

function clearScaleTotals(scales: number): void {
  if (scales === 0) return;
  if (scaleTotals.total.length < scales) {
    scaleTotals.total = new Float64Array(scales);
    scaleTotals.weight = new Float64Array(scales);
  }
  scaleTotals.total.fill(0, 0, scales);
  scaleTotals.weight.fill(0, 0, scales);
}

/** The customer's recency-weighted score on each scale they answered, in the model's scale order. */
function customerScales(scales: CommitmentParams["scales"]): ScaleResult[] {
  const results: ScaleResult[] = [];
  for (let index = 0; index < scales.length; index += 1) {
    const weight = scaleTotals.weight[index] as number;
    if (!(weight > 0)) continue;
    const scale = scales[index] as FittedScale;
    results.push({ name: scale.name, construct: scale.construct, score: (scaleTotals.total[index] as number) / weight });
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
  // NPS answer, the scale scores, the recency-weighted commitment (weighted as rawCommitment, which the fit's prior
  // is built with) and the words and themes.
  let responses = 0;
  let latest: SurveyEvidence | undefined;
  let total = 0;
  let weight = 0;
  positiveWords.clear();
  negativeWords.clear();
  praise.clear();
  complaints.clear();
  const weights = recencyWeights(params.halfLifeDays);
  const { scales } = params;
  clearScaleTotals(scales.length);
  for (let index = 0; index < surveys.length; index += 1) {
    const response = surveys[index] as SurveyEvidence;
    if (response.day > asOfDay) continue;
    responses += 1;
    if (response.nps !== undefined) latest = response;
    const responseWeight = weights.of(asOfDay - response.day);
    // Each scale score once, for the scale's evidence and for the response's attachment (as attachmentScore).
    let attachmentTotal = 0;
    let attachmentCount = 0;
    for (let at = 0; at < scales.length; at += 1) {
      const scale = scales[at] as FittedScale;
      const value = scaleScore(scale, response.answers);
      if (value === undefined) continue;
      scaleTotals.total[at] = (scaleTotals.total[at] as number) + value * responseWeight;
      scaleTotals.weight[at] = (scaleTotals.weight[at] as number) + responseWeight;
      if (!COMMITMENT_CONSTRUCTS.has(scale.construct)) continue;
      attachmentTotal += value;
      attachmentCount += 1;
    }
    const value = signalsCommitment(response, attachmentCount > 0 ? attachmentTotal / attachmentCount : undefined);
    if (value !== undefined) {
      total += value * responseWeight;
      weight += responseWeight;
    }
    positiveWords.add(response.positiveWords);
    negativeWords.add(response.negativeWords);
    praise.add(response.praise);
    complaints.add(response.complaints);
  }
  const answered = weight > 0;
  const rawScore = answered ? total / weight : undefined;
  const latestNps = latest?.nps;
  const evidence: { -readonly [Key in keyof CommitmentEvidence]: CommitmentEvidence[Key] } = {
    responses,
    responseRefs: latestRefs(surveys, asOfDay, Math.min(responses, MAX_WORDS)),
    effectiveResponses: answered ? weight : 0,
    latestNps,
    latestNpsCategory: latestNps === undefined ? undefined : npsCategory(latestNps),
    latestNpsDay: latest?.day,
    rawScore,
    scales: customerScales(scales),
    positiveWords: positiveWords.copy(MAX_WORDS),
    negativeWords: negativeWords.copy(MAX_WORDS),
    praise: praise.copy(),
    complaints: complaints.copy(),
  };
  if (rawScore === undefined) return { score: 0, confidence: 0, evidence };
  const evidenceWeight = weight + params.priorWeight;
  const shrunk = (weight * rawScore + params.priorWeight * params.populationMean) / evidenceWeight;
  // Added in place, not spread into a copy: the copy would cost more than the rest of this function.
  evidence.shrunkScore = shrunk;
  return { score: lowerCredibleBound(shrunk, evidenceWeight), confidence: weight / evidenceWeight, evidence };
}
