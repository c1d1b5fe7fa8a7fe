import { ToneModel } from "./tone-model.js";
import { readToneWith, type ToneOptions, type ToneReading } from "./tone-reader.js";
import { TONE_MODEL } from "./tone-weights.js";

let shipped: ToneModel | undefined;

/**
 * The tone model shipped in the package (unpacked on first use, a few milliseconds).
 *
 * @example
 * shippedToneModel().settings.bits; //=> 20
 */
export function shippedToneModel(): ToneModel {
  shipped ??= ToneModel.unpack(TONE_MODEL);
  return shipped;
}

/**
 * Reads the tone of a short text (a post, a review, a survey comment) with the shipped model: a label (negative,
 * neutral, positive), a −1..1 score, how confident the reading is, how emotional the text is, and the words that
 * carried it. The model is a multinomial logistic regression over words, word pairs, negation scope, contrast
 * ("but", "used to"), emoji and emoticons, and AFINN-165 valences as features, trained on TweetEval tweets and
 * customer tweets to support accounts (`TONE_MODEL.training` says what, and how it scored on held-out data). Pure
 * JavaScript, offline, ~100k texts/s on one core.
 *
 * With `brand` (names and handles), the brand's own words are neutralised ("United" is not praise) and the reading
 * is the stance toward the brand: the clause naming the brand and the clause after "but" weigh most, and praise of
 * someone else does not make a complaint about the brand favourable. With `adjustment`, a domain adjustment fitted
 * to the brand's own texts (`fitToneAdjustment`) is applied.
 *
 * @example
 * readTone("I will never fly with you again").label; //=> "negative"
 * readTone("no worries, all sorted now, thanks!").label; //=> "positive"
 * readTone("great👍").score > 0; //=> true
 */
export function readTone(text: string, options: ToneOptions = {}): ToneReading {
  return readToneWith(shippedToneModel(), text, options);
}
