import Sentiment from "sentiment";
import english from "sentiment/languages/en/index.js";

/** The sentiment of a text on −1..1 with the lexicon words that carried it (for evidence). */
export interface TextSentiment {
  readonly score: number;
  readonly positiveWords: readonly string[];
  readonly negativeWords: readonly string[];
}

/**
 * Customer-experience overlay on AFINN-165. AFINN is a general lexicon: it has no valence for the words people
 * use to complain about a service ("late", "slow", "crashing"), and it reads the vocabulary of asking for help
 * ("help", "support", "please") as praise, which makes support requests look positive. Valences follow AFINN's
 * −5..5 scale.
 */
export const CUSTOMER_EXPERIENCE_LEXICON: Readonly<Record<string, number>> = {
  help: 0,
  support: 0,
  please: 0,
  slow: -2,
  slowly: -2,
  late: -2,
  delayed: -2,
  delay: -2,
  crash: -2,
  crashes: -2,
  crashing: -2,
  crashed: -2,
  stale: -2,
  overpriced: -2,
  unresponsive: -2,
  useless: -2,
  missing: -1,
  waiting: -1,
  refund: -1,
  cancelled: -1,
  canceled: -1,
  fast: 2,
  quick: 2,
  quickly: 2,
  smooth: 2,
  reliable: 2,
  delicious: 3,
};

/** Language code under which the overlay is registered with `sentiment`, leaving its own "en" untouched. */
const LANGUAGE = "en-customer-experience";

// One analyser for the process. The overlay goes into a merged *copy* of AFINN registered as its own language:
// `sentiment`'s `extras` option would Object.assign into the shared English table and change every other user of
// the package in the same process.
const analyser = new Sentiment();
analyser.registerLanguage(LANGUAGE, {
  labels: { ...english.labels, ...CUSTOMER_EXPERIENCE_LEXICON },
  scoringStrategy: english.scoringStrategy,
});
// AFINN sums word valences (−5..5 each); tanh(sum / 4) maps that to −1..1 so one strong word reads about ±0.5–0.85.
const SATURATION = 4;

/**
 * Scores the sentiment of a verbatim (a survey comment or a post) with the AFINN-165 lexicon, negation aware, with
 * the {@link CUSTOMER_EXPERIENCE_LEXICON} overlay.
 *
 * @example
 * textSentiment("Love it, fast shipping").score > 0; //=> true
 * textSentiment("not good at all").score < 0; //=> true
 * textSentiment("my order is late again").negativeWords; //=> ["late"]
 */
export function textSentiment(text: string): TextSentiment {
  const result = analyser.analyze(text, { language: LANGUAGE });
  const score = Math.tanh(result.score / SATURATION);
  return {
    score: Number.isFinite(score) ? score : 0,
    positiveWords: result.positive,
    negativeWords: result.negative,
  };
}
