import type { CustomerProfile, SocialEvidence } from "../profile/customer-profile.js";
import { compareText } from "../profile/order.js";
import { recencyWeight } from "../stats/decay.js";

/** Sentiment beyond which a post reads as favourable (or, negated, as unfavourable). */
export const TONE_THRESHOLD = 0.05;

/** How a public brand mention stands toward the brand. */
export type Stance = "defence" | "favourable" | "unfavourable" | "neutral";

/**
 * The stance of a public brand mention: a favourable reply to criticism is a defence; otherwise its tone decides.
 *
 * @example
 * stanceOf({ ...post, mentionsBrand: true, repliesToCriticism: true, sentiment: 0.6 }); //=> "defence"
 */
export function stanceOf(post: Pick<SocialEvidence, "repliesToCriticism" | "sentiment">): Stance {
  if (post.repliesToCriticism && post.sentiment > TONE_THRESHOLD) return "defence";
  if (post.sentiment > TONE_THRESHOLD) return "favourable";
  if (post.sentiment < -TONE_THRESHOLD) return "unfavourable";
  return "neutral";
}

/** How many activities of one kind, and their recency-weighted sum. */
export interface Tally {
  readonly count: number;
  readonly weighted: number;
}

/** A customer's public activity up to a day, tallied once for every voice measure. */
export interface PublicActivity {
  readonly all: Tally;
  readonly brand: Tally;
  readonly offTopic: Tally;
  /** Brand mentions by stance (neutral ones are in `brand` only). */
  readonly defences: Tally;
  readonly favourable: Tally;
  readonly unfavourable: Tally;
  readonly reviews: Tally;
  /** Engagement received, summed over activities. */
  readonly engagement: number;
  readonly maxReach: number;
  /** Platforms with public activity, sorted. */
  readonly platforms: readonly string[];
  readonly lastDay?: number | undefined;
}

class Counter {
  count = 0;
  weighted = 0;
  add(weight: number): void {
    this.count += 1;
    this.weighted += weight;
  }
}

/**
 * Tallies a customer's public activity on or before `asOfDay` ("as of" a day, nothing after it is known), each
 * activity weighted by recency. Private activity is not in the profile's public list and never counts.
 *
 * @example
 * publicActivity(profile, 20634, 180).defences; //=> { count: 3, weighted: 2.4 }
 */
export function publicActivity(profile: CustomerProfile, asOfDay: number, halfLifeDays: number): PublicActivity {
  const all = new Counter();
  const brand = new Counter();
  const offTopic = new Counter();
  const byStance = { defence: new Counter(), favourable: new Counter(), unfavourable: new Counter(), neutral: new Counter() };
  const reviews = new Counter();
  const platforms = new Set<string>();
  let engagement = 0;
  let maxReach = 0;
  let lastDay: number | undefined;
  for (const post of profile.social.public) {
    if (post.day > asOfDay) continue;
    const weight = recencyWeight(asOfDay - post.day, halfLifeDays);
    all.add(weight);
    platforms.add(post.platform);
    engagement += post.engagement;
    if (post.reach > maxReach) maxReach = post.reach;
    if (lastDay === undefined || post.day > lastDay) lastDay = post.day;
    if (post.type === "review") reviews.add(weight);
    if (!post.mentionsBrand) {
      offTopic.add(weight);
      continue;
    }
    brand.add(weight);
    byStance[stanceOf(post)].add(weight);
  }
  const tally = (counter: Counter): Tally => ({ count: counter.count, weighted: counter.weighted });
  return {
    all: tally(all),
    brand: tally(brand),
    offTopic: tally(offTopic),
    defences: tally(byStance.defence),
    favourable: tally(byStance.favourable),
    unfavourable: tally(byStance.unfavourable),
    reviews: tally(reviews),
    engagement,
    maxReach,
    platforms: [...platforms].sort(compareText),
    lastDay,
  };
}
