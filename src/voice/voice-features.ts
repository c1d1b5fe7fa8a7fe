import type { CustomerProfile } from "../profile/customer-profile.js";
import { recencyWeight } from "../stats/decay.js";
import { DEFENCE_WEIGHT, TONE_THRESHOLD } from "./brand-activity.js";

/** Audience size at which reach counts in full (log scale); followers beyond it add nothing. */
export const REACH_CAP = 1_000_000;

/**
 * What predicts that a customer will speak in public about the brand, from their public activity up to a day.
 * All features are bounded or logged, so a heavy tail (followers, engagement) cannot dominate.
 */
export interface VoiceFeatures {
  /** log(1 + recency-weighted public activities, any topic). */
  readonly publicActivity: number;
  /** log(1 + recency-weighted public brand mentions). */
  readonly brandActivity: number;
  /** Share of public activities that mention the brand (0..1; 0 without activity). */
  readonly brandShare: number;
  /** Laplace-smoothed share of favourable brand mentions and defences among toned ones (0.5 without any). */
  readonly positiveShare: number;
  /** log(1 + recency-weighted replies that defended the brand against criticism): the strongest signal. */
  readonly defences: number;
  /** log(1 + recency-weighted reviews written). */
  readonly reviews: number;
  /** log(1 + mean engagement received per public activity). */
  readonly engagementPerPost: number;
  /** log(1 + largest audience) / log(1 + {@link REACH_CAP}), capped at 1. */
  readonly reach: number;
}

/** The feature names in a fixed order, for models that store weights as arrays. */
export const VOICE_FEATURE_NAMES = [
  "publicActivity",
  "brandActivity",
  "brandShare",
  "positiveShare",
  "defences",
  "reviews",
  "engagementPerPost",
  "reach",
] as const satisfies ReadonlyArray<keyof VoiceFeatures>;

/**
 * Computes a customer's voice features from their public activity on or before `asOfDay` (later activity is
 * ignored, so features "as of" an earlier day can be used to predict what happens after it). Private activity is
 * not in the profile's public list and never counts.
 *
 * @example
 * voiceFeatures(profile, 20634, 180).defences; //=> 1.1
 */
export function voiceFeatures(profile: CustomerProfile, asOfDay: number, halfLifeDays: number): VoiceFeatures {
  let publicActivity = 0;
  let brand = 0;
  let favourable = 0;
  let unfavourable = 0;
  let defences = 0;
  let reviews = 0;
  let engagement = 0;
  let posts = 0;
  let maxReach = 0;
  for (const post of profile.social.public) {
    if (post.day > asOfDay) continue;
    const weight = recencyWeight(asOfDay - post.day, halfLifeDays);
    posts += 1;
    publicActivity += weight;
    engagement += post.engagement;
    if (post.reach > maxReach) maxReach = post.reach;
    if (post.type === "review") reviews += weight;
    if (!post.mentionsBrand) continue;
    brand += weight;
    if (post.repliesToCriticism && post.sentiment > TONE_THRESHOLD) defences += weight;
    else if (post.sentiment > TONE_THRESHOLD) favourable += weight;
    else if (post.sentiment < -TONE_THRESHOLD) unfavourable += weight;
  }
  return {
    publicActivity: Math.log1p(publicActivity),
    brandActivity: Math.log1p(brand),
    brandShare: publicActivity > 0 ? brand / publicActivity : 0,
    positiveShare: (favourable + DEFENCE_WEIGHT * defences + 1) / (favourable + DEFENCE_WEIGHT * defences + unfavourable + 2),
    defences: Math.log1p(defences),
    reviews: Math.log1p(reviews),
    engagementPerPost: posts > 0 ? Math.log1p(engagement / posts) : 0,
    reach: Math.min(1, Math.log1p(maxReach) / Math.log1p(REACH_CAP)),
  };
}

/**
 * The features as an array in {@link VOICE_FEATURE_NAMES} order.
 *
 * @example
 * featureVector(voiceFeatures(profile, 20634, 180)).length; //=> 8
 */
export function featureVector(features: VoiceFeatures): number[] {
  return VOICE_FEATURE_NAMES.map((name) => features[name]);
}
