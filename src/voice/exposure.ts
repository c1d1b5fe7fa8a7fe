import type { CustomerProfile } from "../profile/customer-profile.js";
import { compareText } from "../profile/order.js";
import { recencyWeight } from "../stats/decay.js";
import { detectTopics, DEFAULT_TOPICS } from "../text/topics.js";
import { stanceOf } from "./public-activity.js";

/** Where the brand is criticised: each platform's and topic's share of recent negative brand mentions (by anyone). */
export interface CriticismLandscape {
  /** Platform → share of recency-weighted negative brand mentions, sorted by platform; shares sum to 1 (or none). */
  readonly platforms: ReadonlyArray<readonly [platform: string, share: number]>;
  /** Topic → share of negative brand mentions naming it (a mention may name several), sorted by topic. */
  readonly topics: ReadonlyArray<readonly [topic: string, share: number]>;
  /** Recency-weighted count of negative brand mentions the landscape rests on. */
  readonly mentions: number;
}

/** How likely a customer is to come across criticism of the brand where it happens. */
export interface Exposure {
  /** 0..1: Σ over platforms of (share of criticism there) × (the customer's presence there). */
  readonly score: number;
  /** The customer's presence (0..1) on each platform they use, sorted by platform. */
  readonly presence: ReadonlyArray<readonly [platform: string, presence: number]>;
}

/** A handle on a platform, with no activity seen, still says the customer has an account there. */
const HANDLE_PRESENCE = 0.25;

function sortedShares(totals: Map<string, number>, denominator: number): Array<readonly [string, number]> {
  return [...totals]
    .sort(([a], [b]) => compareText(a, b))
    .map(([key, value]) => [key, denominator > 0 ? value / denominator : 0] as const);
}

/**
 * Maps where the brand is criticised from the social data itself: the platforms (and topics, from the texts) of
 * negative public brand mentions by anyone, weighted by recency.
 *
 * @example
 * criticismLandscape(profiles.values(), 20634, 180).platforms; //=> [["reddit", 0.31], ["twitter", 0.69]]
 */
export function criticismLandscape(
  profiles: Iterable<CustomerProfile>,
  asOfDay: number,
  halfLifeDays: number,
  topicMap: Readonly<Record<string, readonly string[]>> = DEFAULT_TOPICS,
): CriticismLandscape {
  const platforms = new Map<string, number>();
  const topics = new Map<string, number>();
  let mentions = 0;
  for (const profile of profiles) {
    for (const post of profile.social.public) {
      if (post.day > asOfDay || !post.mentionsBrand || stanceOf(post) !== "unfavourable") continue;
      const weight = recencyWeight(asOfDay - post.day, halfLifeDays);
      mentions += weight;
      platforms.set(post.platform, (platforms.get(post.platform) ?? 0) + weight);
      for (const topic of post.text === undefined ? [] : detectTopics(post.text, topicMap)) topics.set(topic, (topics.get(topic) ?? 0) + weight);
    }
  }
  return { platforms: sortedShares(platforms, mentions), topics: sortedShares(topics, mentions), mentions };
}

/**
 * A customer's exposure to criticism of the brand: how present they are (recent public activity, or at least a
 * handle) on the platforms where the criticism happens. A perfect advocate with exposure 0 will not see it and
 * must be told, not counted on.
 *
 * @example
 * exposureOf(profile, landscape, 20634, 180); //=> { score: 0.58, presence: [["twitter", 0.86]] }
 */
export function exposureOf(profile: CustomerProfile, landscape: CriticismLandscape, asOfDay: number, halfLifeDays: number): Exposure {
  const activity = new Map<string, number>();
  for (const post of profile.social.public) {
    if (post.day > asOfDay) continue;
    activity.set(post.platform, (activity.get(post.platform) ?? 0) + recencyWeight(asOfDay - post.day, halfLifeDays));
  }
  const presence = new Map<string, number>();
  for (const [platform, weight] of activity) presence.set(platform, 1 - Math.exp(-weight));
  for (const [platform] of profile.handles) presence.set(platform, Math.max(presence.get(platform) ?? 0, HANDLE_PRESENCE));
  let score = 0;
  for (const [platform, share] of landscape.platforms) score += share * (presence.get(platform) ?? 0);
  return { score: Math.min(1, Math.max(0, score)), presence: sortedShares(presence, 1) };
}
