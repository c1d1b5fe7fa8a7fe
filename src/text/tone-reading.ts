/** Sentiment beyond which a text reads as favourable (or, negated, as unfavourable), on the −1..1 scale. */
export const FAVOURABLE_TONE = 0.05;

/**
 * Whether a −1..1 sentiment reads as criticism (unfavourable beyond the threshold).
 *
 * @example
 * readsNegative(-0.4); //=> true
 * readsNegative(0); //=> false
 */
export function readsNegative(sentiment: number): boolean {
  return sentiment < -FAVOURABLE_TONE;
}

/**
 * Whether a −1..1 sentiment reads as favourable.
 *
 * @example
 * readsFavourable(0.3); //=> true
 */
export function readsFavourable(sentiment: number): boolean {
  return sentiment > FAVOURABLE_TONE;
}
