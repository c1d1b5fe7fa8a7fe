/**
 * When a tone reading is trusted enough to act on. The library quotes a customer's words to the brand's defence only
 * when they read favourable with confidence, and keeps anyone whose brand posts lean negative out of a defence.
 */

/** A read text counts as favourable only with P(positive) ≥ this (and P(positive) − P(negative) ≥ {@link FAVOURABLE_SCORE}). */
export const FAVOURABLE_CONFIDENCE = 0.6;
/** The least score (P(positive) − P(negative)) of a read text quoted as favourable. */
export const FAVOURABLE_SCORE = 0.5;
/** A sentiment the records gave (a listening tool's) counts as favourable above this, as every brand mention does. */
export const GIVEN_FAVOURABLE = 0.05;

/** What is known of one text's tone: its −1..1 score, the reading's confidence and whether the record gave it. */
export interface ToneEvidence {
  readonly sentiment?: number | undefined;
  readonly sentimentConfidence?: number | undefined;
  readonly sentimentGiven?: boolean | undefined;
}

/**
 * Whether a text's tone is favourable and sure enough to quote in the brand's defence: given sentiment above
 * {@link GIVEN_FAVOURABLE}; a reading of the tone model with P(positive) ≥ 0.6 and a score ≥ 0.5 (so a reading that
 * is negative, neutral or uncertain never is). A profile built by hand without confidences counts as given.
 *
 * @example
 * isConfidentlyFavourable({ sentiment: 0.82, sentimentConfidence: 0.88 }); //=> true
 * isConfidentlyFavourable({ sentiment: 0.3, sentimentConfidence: 0.52 }); //=> false (uncertain)
 * isConfidentlyFavourable({ sentiment: 0.4, sentimentGiven: true }); //=> true
 */
export function isConfidentlyFavourable(tone: ToneEvidence): boolean {
  const sentiment = tone.sentiment ?? 0;
  if (tone.sentimentGiven === true || tone.sentimentConfidence === undefined) return sentiment > GIVEN_FAVOURABLE;
  return sentiment >= FAVOURABLE_SCORE && tone.sentimentConfidence >= FAVOURABLE_CONFIDENCE;
}

/**
 * How a quoted text's tone was judged, in words for the kit: "tone as given by the records (0.64)" or "tone read
 * as positive by the model, confidence 0.82".
 *
 * @example
 * toneNote({ sentiment: 0.82, sentimentConfidence: 0.88 }); //=> "tone read as positive by the tone model, confidence 0.88"
 */
export function toneNote(tone: ToneEvidence): string {
  const sentiment = tone.sentiment ?? 0;
  if (tone.sentimentGiven === true || tone.sentimentConfidence === undefined) return `tone as given in the records (${sentiment.toFixed(2)})`;
  const label = sentiment > 0 ? "positive" : sentiment < 0 ? "negative" : "neutral";
  return `tone read as ${label} by the tone model, confidence ${tone.sentimentConfidence.toFixed(2)}`;
}
