import type { CustomerProfile } from "../profile/customer-profile.js";
import type { DimensionScore } from "../stats/dimension-score.js";
import { lowerCredibleBound } from "../stats/credible-bound.js";
import { brandActivityLevel } from "./brand-activity.js";
import { scoringTally, type ActivityTally } from "./public-activity.js";
import { propensityOfVector } from "./learn/voice-propensity.js";
import { VOICE_FEATURE_INDEX, VOICE_FEATURE_NAMES, writeVoiceFeatures } from "./voice-features.js";
import type { VoiceEvidence, VoiceParams } from "./voice-params.js";

/** A following this large with less than this engagement per follower per post looks bought. */
const BOUGHT_FOLLOWERS = { minReach: 10_000, maxEngagementRate: 1e-4 };

/**
 * Flags an audience that looks bought: many followers and almost no engagement, or more engagement per post than
 * followers. Only judged when engagement is recorded at all (0 everywhere usually means "not exported").
 */
function audienceCheck(posts: number, engagement: number, maxReach: number): "followers" | "engagement" | undefined {
  if (posts === 0 || engagement === 0) return undefined;
  const perPost = engagement / posts;
  if (maxReach > 0 && perPost > maxReach) return "engagement";
  if (maxReach >= BOUGHT_FOLLOWERS.minReach && perPost / maxReach < BOUGHT_FOLLOWERS.maxEngagementRate) return "followers";
  return undefined;
}

// Confidence grows with public activities observed: three posts are a pattern, one is an accident.
const CONFIDENCE_PRIOR = 3;

/**
 * Scores public voice on 0..1: `propensity × favourability`.
 *
 * - propensity: the voice model's probability that the customer speaks publicly about the brand in the next
 *   window, from bounded features of their public activity (defences, brand mentions, favourable share, reviews,
 *   brand share, general activity, engagement and — weakest — log reach); documented default weights, or weights
 *   learned from the data when they beat the defaults on a holdout (`model.voice.model` says which);
 * - favourability: the lower credible bound of the smoothed share of favourable mentions and defences, kept
 *   outside the propensity because the model predicts speaking in any tone, and a critic speaks too.
 *
 * Customers with no public brand activity score 0 (a big account that never mentions the brand is not a voice for
 * it); private activity never counts; an audience that looks bought (see `suspiciousAudience`) gets no reach.
 *
 * @example
 * scoreVoice(profile, model.voice, model.asOfDay).evidence.defences; //=> 2
 */
export function scoreVoice(profile: CustomerProfile, params: VoiceParams, asOfDay: number): DimensionScore<VoiceEvidence> {
  return voiceOfTally(scoringTally(profile, asOfDay, params.halfLifeDays), profile.social.privateCount, params);
}

// The feature vector score() fills per customer; read at once by the propensity, so one serves every call.
const features = new Float64Array(VOICE_FEATURE_NAMES.length);

/**
 * {@link scoreVoice} of a customer's already tallied public activity: score() tallies once for voice and exposure.
 *
 * @example
 * voiceOfTally(scoringTally(profile, model.asOfDay, model.voice.halfLifeDays), 0, model.voice).score; //=> 0.42
 */
export function voiceOfTally(tally: ActivityTally, privateActivities: number, params: VoiceParams): DimensionScore<VoiceEvidence> {
  const activityLevel = brandActivityLevel(tally);
  const positive = tally.favourable.weighted;
  const negative = tally.unfavourable.weighted;
  const defences = tally.defences.weighted;
  const suspiciousAudience = audienceCheck(tally.all.count, tally.engagement, tally.maxReach);
  writeVoiceFeatures(tally, features);
  // An audience that looks bought earns nothing: its reach feature is zeroed before the model sees it.
  if (suspiciousAudience !== undefined) features[VOICE_FEATURE_INDEX.reach] = 0;
  const propensity = propensityOfVector(features, params.model);
  const activity = 1 - Math.exp(-activityLevel / params.activityScale);
  const toned = positive + negative + defences;
  const tone = (positive + defences + 1) / (toned + 2);
  const evidence: VoiceEvidence = {
    publicActivities: tally.all.count,
    privateActivities,
    brandMentions: tally.brand.count,
    positiveMentions: tally.favourable.count,
    negativeMentions: tally.unfavourable.count,
    defences: tally.defences.count,
    reviews: tally.reviews.count,
    platforms: tally.platforms(),
    maxReach: tally.maxReach,
    activity,
    tone,
    propensity,
    lastPublicDay: tally.lastDay,
    suspiciousAudience,
  };
  if (tally.all.count === 0) return { score: 0, confidence: 0, evidence };
  const confidence = tally.all.count / (tally.all.count + CONFIDENCE_PRIOR);
  if (activityLevel === 0) return { score: 0, confidence, evidence };
  const favourability = lowerCredibleBound(tone, toned + 2);
  return { score: propensity * favourability, confidence, evidence };
}
