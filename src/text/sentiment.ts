import { readTone } from "./tone/read-tone.js";
import type { ToneReading } from "./tone/tone-reader.js";
import type { BrandWords } from "./tone/tone-tokens.js";

/** The sentiment of a text: the tone reading (label, −1..1 score, confidence, intensity, the words that carried it). */
export type TextSentiment = ToneReading;

/**
 * Scores the sentiment of a verbatim (a survey comment or a post) with the shipped tone model: {@link readTone}
 * with the brand's names and handles, when given, neutralised.
 *
 * @example
 * textSentiment("Love it, fast shipping").score > 0; //=> true
 * textSentiment("not good at all").label; //=> "negative"
 * textSentiment("my order is late again").negativeWords; //=> ["late", "again"]
 */
export function textSentiment(text: string, brand?: BrandWords): TextSentiment {
  return readTone(text, brand === undefined ? {} : { brand });
}
