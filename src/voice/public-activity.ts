import type { CustomerProfile, SocialEvidence } from "../profile/customer-profile.js";
import { compareText } from "../profile/order.js";
import { recencyWeights } from "../stats/decay.js";

import { READ_TONE_THRESHOLD, TONE_THRESHOLD } from "../text/tone-reading.js";

export { READ_TONE_THRESHOLD, TONE_THRESHOLD } from "../text/tone-reading.js";

/** How a public brand mention stands toward the brand. */
export type Stance = "defence" | "favourable" | "unfavourable" | "neutral";

/**
 * The stance of a public brand mention: a favourable reply to criticism is a defence; otherwise its tone decides.
 *
 * @example
 * stanceOf({ ...post, mentionsBrand: true, repliesToCriticism: true, sentiment: 0.6 }); //=> "defence"
 */
export function stanceOf(post: Pick<SocialEvidence, "repliesToCriticism" | "sentiment" | "sentimentGiven">): Stance {
  const threshold = post.sentimentGiven === false ? READ_TONE_THRESHOLD : TONE_THRESHOLD;
  if (post.repliesToCriticism && post.sentiment > threshold) return "defence";
  if (post.sentiment > threshold) return "favourable";
  if (post.sentiment < -threshold) return "unfavourable";
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

/** What a tally of public activity counts, platforms aside: what the voice features and brand activity read. */
export type ActivityCounts = Omit<PublicActivity, "platforms" | "lastDay">;

/** A tally being counted. */
class Counter implements Tally {
  count = 0;
  weighted = 0;
  add(weight: number): void {
    this.count += 1;
    this.weighted += weight;
  }
  reset(): void {
    this.count = 0;
    this.weighted = 0;
  }
}

/**
 * A running tally of one customer's public activity, with each platform's recency-weighted activity (exposure's
 * presence). Internal: {@link scoringTally} reuses one instance across score() calls, so tallying allocates nothing.
 */
export class ActivityTally implements ActivityCounts {
  readonly all = new Counter();
  readonly brand = new Counter();
  readonly offTopic = new Counter();
  readonly defences = new Counter();
  readonly favourable = new Counter();
  readonly unfavourable = new Counter();
  readonly reviews = new Counter();
  engagement = 0;
  maxReach = 0;
  lastDay: number | undefined = undefined;
  /** How many platforms had public activity: the first `platformCount` of `platformNames`, sorted by {@link compareText}. */
  platformCount = 0;
  // Never shortened (entries past `platformCount` are stale): truncating an array frees its storage, and the next
  // customer's platforms would allocate it again.
  readonly platformNames: string[] = [];
  /** Recency-weighted activity on each of the platforms, in the same order. */
  readonly platformActivity: number[] = [];

  /**
   * Clears the tally and counts `profile`'s public activity on or before `asOfDay`.
   *
   * @example
   * new ActivityTally().count(profile, 20634, 180).brand.count; //=> 5
   */
  count(profile: CustomerProfile, asOfDay: number, halfLifeDays: number): this {
    this.reset();
    const posts = profile.social.public;
    const weights = recencyWeights(halfLifeDays);
    for (let index = 0; index < posts.length; index += 1) {
      const post = posts[index] as SocialEvidence;
      if (post.day > asOfDay) continue;
      const weight = weights.of(asOfDay - post.day);
      this.all.add(weight);
      this.addPlatform(post.platform, weight);
      this.engagement += post.engagement;
      if (post.reach > this.maxReach) this.maxReach = post.reach;
      if (this.lastDay === undefined || post.day > this.lastDay) this.lastDay = post.day;
      if (post.type === "review") this.reviews.add(weight);
      if (!post.mentionsBrand) {
        this.offTopic.add(weight);
        continue;
      }
      this.brand.add(weight);
      const stance = stanceOf(post);
      if (stance === "defence") this.defences.add(weight);
      else if (stance === "favourable") this.favourable.add(weight);
      else if (stance === "unfavourable") this.unfavourable.add(weight);
    }
    return this;
  }

  /**
   * The platforms with public activity, sorted: a new list.
   *
   * @example
   * new ActivityTally().count(profile, 20634, 180).platforms(); //=> ["reddit", "twitter"]
   */
  platforms(): string[] {
    return this.platformNames.slice(0, this.platformCount);
  }

  private reset(): void {
    this.all.reset();
    this.brand.reset();
    this.offTopic.reset();
    this.defences.reset();
    this.favourable.reset();
    this.unfavourable.reset();
    this.reviews.reset();
    this.engagement = 0;
    this.maxReach = 0;
    this.lastDay = undefined;
    this.platformCount = 0;
  }

  /** Adds a post's weight to its platform, inserting the platform in sorted place the first time (a customer uses few). */
  private addPlatform(platform: string, weight: number): void {
    const { platformNames: names, platformActivity: activity } = this;
    let at = 0;
    while (at < this.platformCount && compareText(names[at] as string, platform) < 0) at += 1;
    if (at === this.platformCount || names[at] !== platform) {
      for (let index = this.platformCount; index > at; index -= 1) {
        names[index] = names[index - 1] as string;
        activity[index] = activity[index - 1] as number;
      }
      names[at] = platform;
      activity[at] = 0;
      this.platformCount += 1;
    }
    activity[at] = (activity[at] as number) + weight;
  }
}

const scoring = new ActivityTally();

/**
 * {@link publicActivity} into one tally reused by every call: valid until the next call, so callers read it at once
 * and copy what they return. This is what lets score() tally a customer's posts once for voice, features and
 * exposure without allocating (JavaScript runs one call at a time, and tallying calls nothing that could re-enter).
 *
 * @example
 * scoringTally(profile, 20634, 180).defences.count; //=> 3
 */
export function scoringTally(profile: CustomerProfile, asOfDay: number, halfLifeDays: number): ActivityTally {
  return scoring.count(profile, asOfDay, halfLifeDays);
}

/**
 * Tallies a customer's public activity on or before `asOfDay` ("as of" a day, nothing after it is known), each
 * activity weighted by recency. Private activity is not in the profile's public list and never counts.
 *
 * @example
 * publicActivity(profile, 20634, 180).defences; //=> { count: 3, weighted: 2.4 }
 */
export function publicActivity(profile: CustomerProfile, asOfDay: number, halfLifeDays: number): PublicActivity {
  const tally = new ActivityTally().count(profile, asOfDay, halfLifeDays);
  // A plain snapshot, not the tally itself: callers may keep or serialise it.
  const plain = (counter: Tally): Tally => ({ count: counter.count, weighted: counter.weighted });
  return {
    all: plain(tally.all),
    brand: plain(tally.brand),
    offTopic: plain(tally.offTopic),
    defences: plain(tally.defences),
    favourable: plain(tally.favourable),
    unfavourable: plain(tally.unfavourable),
    reviews: plain(tally.reviews),
    engagement: tally.engagement,
    maxReach: tally.maxReach,
    platforms: tally.platforms(),
    lastDay: tally.lastDay,
  };
}
