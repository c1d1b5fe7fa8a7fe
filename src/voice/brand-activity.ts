import type { ActivityCounts, PublicActivity } from "./public-activity.js";

export { TONE_THRESHOLD } from "./public-activity.js";
/** A public post that does not mention the brand shows a habit of speaking in public, but counts only a quarter. */
export const OFF_TOPIC_WEIGHT = 0.25;
/** A defence (a positive reply to criticism of the brand) counts three times a plain mention. */
export const DEFENCE_WEIGHT = 3;

/** Recency-weighted public brand activity of one customer, split by tone. */
export interface BrandActivity {
  readonly activity: number;
  readonly positive: number;
  readonly negative: number;
  readonly defences: number;
}

/**
 * Recency-weighted brand activity: brand mentions count 1, defences {@link DEFENCE_WEIGHT}, other posts
 * {@link OFF_TOPIC_WEIGHT} but never more than the brand activity itself, so a big account that never mentions the
 * brand has no brand voice.
 *
 * @example
 * brandActivity(publicActivity(profile, 19800, 180)).activity; //=> 4.2
 */
export function brandActivity(tally: PublicActivity): BrandActivity {
  return {
    activity: brandActivityLevel(tally),
    positive: tally.favourable.weighted,
    negative: tally.unfavourable.weighted,
    defences: tally.defences.weighted,
  };
}

/**
 * The `activity` of {@link brandActivity} alone, for score(), which reads the tones from the tally itself.
 *
 * @example
 * brandActivityLevel(publicActivity(profile, 19800, 180)); //=> 4.2
 */
export function brandActivityLevel(tally: ActivityCounts): number {
  const onTopic = tally.brand.weighted + (DEFENCE_WEIGHT - 1) * tally.defences.weighted;
  const offTopic = OFF_TOPIC_WEIGHT * tally.offTopic.weighted;
  // A habit of posting amplifies brand voice but never creates it: off-topic activity counts up to the on-topic amount.
  return onTopic + Math.min(offTopic, onTopic);
}
