import type { CustomerProfile } from "../profile/customer-profile.js";
import { DEFENCE_WEIGHT } from "./brand-activity.js";
import { publicActivity, type ActivityCounts, type PublicActivity } from "./public-activity.js";

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
  return voiceFeaturesOf(publicActivity(profile, asOfDay, halfLifeDays));
}

/** Each feature's position in {@link VOICE_FEATURE_NAMES} (and in a feature vector). */
export const VOICE_FEATURE_INDEX = Object.fromEntries(VOICE_FEATURE_NAMES.map((name, index) => [name, index])) as Readonly<
  Record<keyof VoiceFeatures, number>
>;

const LOG_REACH_CAP = Math.log1p(REACH_CAP);

/** `Math.log1p`, skipping the call for 0 (its own result, sign included): most customers have no defences or reviews. */
function log1p(value: number): number {
  return value === 0 ? value : Math.log1p(value);
}

/**
 * The voice features of an already tallied public activity (see {@link publicActivity}).
 *
 * @example
 * voiceFeaturesOf(publicActivity(profile, 20634, 180)).reach; //=> 0.52
 */
export function voiceFeaturesOf(tally: PublicActivity): VoiceFeatures {
  const vector = writeVoiceFeatures(tally, new Float64Array(VOICE_FEATURE_NAMES.length));
  const feature = (name: keyof VoiceFeatures): number => vector[VOICE_FEATURE_INDEX[name]] as number;
  return {
    publicActivity: feature("publicActivity"),
    brandActivity: feature("brandActivity"),
    brandShare: feature("brandShare"),
    positiveShare: feature("positiveShare"),
    defences: feature("defences"),
    reviews: feature("reviews"),
    engagementPerPost: feature("engagementPerPost"),
    reach: feature("reach"),
  };
}

/**
 * Writes the voice features of a tallied public activity into `vector`, in {@link VOICE_FEATURE_NAMES} order, and
 * returns it: score() writes into one reused vector instead of building a features object per customer.
 *
 * @example
 * writeVoiceFeatures(publicActivity(profile, 20634, 180), new Float64Array(8))[VOICE_FEATURE_INDEX.reach]; //=> 0.52
 */
export function writeVoiceFeatures(tally: ActivityCounts, vector: Float64Array): Float64Array {
  const favourable = tally.favourable.weighted + DEFENCE_WEIGHT * tally.defences.weighted;
  const at = VOICE_FEATURE_INDEX;
  vector[at.publicActivity] = log1p(tally.all.weighted);
  vector[at.brandActivity] = log1p(tally.brand.weighted);
  vector[at.brandShare] = tally.all.weighted > 0 ? tally.brand.weighted / tally.all.weighted : 0;
  vector[at.positiveShare] = (favourable + 1) / (favourable + tally.unfavourable.weighted + 2);
  vector[at.defences] = log1p(tally.defences.weighted);
  vector[at.reviews] = log1p(tally.reviews.weighted);
  vector[at.engagementPerPost] = tally.all.count > 0 ? log1p(tally.engagement / tally.all.count) : 0;
  vector[at.reach] = Math.min(1, log1p(tally.maxReach) / LOG_REACH_CAP);
  return vector;
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
