import type { CustomerProfile } from "../profile/customer-profile.js";
import { recencyWeight } from "../stats/decay.js";

/** Sentiment beyond which a post reads as positive (or, negated, as negative). */
export const TONE_THRESHOLD = 0.05;
/** A public post that does not mention the brand shows a habit of speaking in public, but counts only a quarter. */
export const OFF_TOPIC_WEIGHT = 0.25;
/** A defence (a positive reply to criticism of the brand) counts three times a plain mention. */
export const DEFENCE_WEIGHT = 3;

/** Recency-weighted public activity of one customer, split by tone. */
export interface BrandActivity {
  readonly activity: number;
  readonly positive: number;
  readonly negative: number;
  readonly defences: number;
}

/**
 * Sums a customer's public activity with recency weights: brand mentions count 1, defences
 * {@link DEFENCE_WEIGHT}, other posts {@link OFF_TOPIC_WEIGHT} but never more than the brand activity itself, so a
 * big account that never mentions the brand has no brand voice. Private activity is not in the public list.
 *
 * @example
 * brandActivity(profile, 19800, 180).activity; //=> 4.2
 */
export function brandActivity(profile: CustomerProfile, asOfDay: number, halfLifeDays: number): BrandActivity {
  let onTopic = 0;
  let offTopic = 0;
  let positive = 0;
  let negative = 0;
  let defences = 0;
  for (const post of profile.social.public) {
    // "As of" a day means nothing after it is known yet.
    if (post.day > asOfDay) continue;
    const weight = recencyWeight(asOfDay - post.day, halfLifeDays);
    if (!post.mentionsBrand) {
      offTopic += OFF_TOPIC_WEIGHT * weight;
      continue;
    }
    const isDefence = post.repliesToCriticism && post.sentiment > TONE_THRESHOLD;
    onTopic += (isDefence ? DEFENCE_WEIGHT : 1) * weight;
    if (isDefence) defences += weight;
    else if (post.sentiment > TONE_THRESHOLD) positive += weight;
    else if (post.sentiment < -TONE_THRESHOLD) negative += weight;
  }
  // A habit of posting amplifies brand voice but never creates it: off-topic activity counts up to the on-topic amount.
  return { activity: onTopic + Math.min(offTopic, onTopic), positive, negative, defences };
}
