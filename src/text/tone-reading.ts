/** Given sentiment beyond which a post reads as favourable (or, negated, as unfavourable): a listening tool's score. */
export const TONE_THRESHOLD = 0.05;
/**
 * The same for a tone the model read from the text, on its score P(positive) − P(negative): a reading that leans
 * by less is neutral ("coffee was fine I guess" reads −0.09 with P(neutral) 0.69).
 */
export const READ_TONE_THRESHOLD = 0.15;

/**
 * The threshold for a sentiment: a given one (a listening tool's label or score) is taken at its word, a read one
 * must lean further.
 *
 * @example
 * toneThreshold(false); //=> 0.15
 */
export function toneThreshold(given: boolean): number {
  return given ? TONE_THRESHOLD : READ_TONE_THRESHOLD;
}

/**
 * Whether a −1..1 sentiment reads as criticism (unfavourable beyond the threshold).
 *
 * @example
 * readsNegative(-0.4, false); //=> true
 * readsNegative(-0.1, false); //=> false
 */
export function readsNegative(sentiment: number, given: boolean): boolean {
  return sentiment < -toneThreshold(given);
}

/**
 * Whether a −1..1 sentiment reads as favourable.
 *
 * @example
 * readsFavourable(0.3, false); //=> true
 */
export function readsFavourable(sentiment: number, given: boolean): boolean {
  return sentiment > toneThreshold(given);
}
