import Sentiment from "sentiment";

/** The sentiment of a text on −1..1 with the lexicon words that carried it (for evidence). */
export interface TextSentiment {
  readonly score: number;
  readonly positiveWords: readonly string[];
  readonly negativeWords: readonly string[];
}

// One analyser for the process: the AFINN-165 lexicon (with English negation) loads once.
const analyser = new Sentiment();
// AFINN sums word valences (−5..5 each); tanh(sum / 4) maps that to −1..1 so one strong word reads about ±0.5–0.85.
const SATURATION = 4;

/**
 * Scores the sentiment of a verbatim (a survey comment or a post) with the AFINN-165 lexicon, negation aware.
 *
 * @example
 * textSentiment("Love it, fast shipping").score > 0; //=> true
 * textSentiment("not good at all").score < 0; //=> true
 */
export function textSentiment(text: string): TextSentiment {
  const result = analyser.analyze(text);
  const score = Math.tanh(result.score / SATURATION);
  return {
    score: Number.isFinite(score) ? score : 0,
    positiveWords: result.positive,
    negativeWords: result.negative,
  };
}
