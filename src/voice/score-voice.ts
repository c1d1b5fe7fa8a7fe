import type { CustomerProfile } from "../profile/customer-profile.js";
import type { DimensionScore } from "../stats/dimension-score.js";
import { lowerCredibleBound } from "../stats/credible-bound.js";
import { brandActivity, TONE_THRESHOLD } from "./brand-activity.js";
import { voicePropensity } from "./learn/voice-propensity.js";
import { voiceFeatures } from "./voice-features.js";
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
  const posts = profile.social.public.filter((post) => post.day <= asOfDay);
  const totals = brandActivity(profile, asOfDay, params.halfLifeDays);
  const platforms = new Set<string>();
  let brandMentions = 0;
  let positiveMentions = 0;
  let negativeMentions = 0;
  let defences = 0;
  let reviews = 0;
  let maxReach = 0;
  let engagement = 0;
  for (const post of posts) {
    platforms.add(post.platform);
    engagement += post.engagement;
    if (post.reach > maxReach) maxReach = post.reach;
    if (post.type === "review") reviews += 1;
    if (!post.mentionsBrand) continue;
    brandMentions += 1;
    if (post.repliesToCriticism && post.sentiment > TONE_THRESHOLD) defences += 1;
    else if (post.sentiment > TONE_THRESHOLD) positiveMentions += 1;
    else if (post.sentiment < -TONE_THRESHOLD) negativeMentions += 1;
  }
  const activity = 1 - Math.exp(-totals.activity / params.activityScale);
  const toned = totals.positive + totals.negative + totals.defences;
  const tone = (totals.positive + totals.defences + 1) / (toned + 2);
  const suspiciousAudience = audienceCheck(posts.length, engagement, maxReach);
  const features = voiceFeatures(profile, asOfDay, params.halfLifeDays);
  // An audience that looks bought earns nothing: its reach feature is zeroed before the model sees it.
  const propensity = voicePropensity(suspiciousAudience === undefined ? features : { ...features, reach: 0 }, params.model);
  const evidence: VoiceEvidence = {
    publicActivities: posts.length,
    privateActivities: profile.social.privateCount,
    brandMentions,
    positiveMentions,
    negativeMentions,
    defences,
    reviews,
    platforms: [...platforms].sort(),
    maxReach,
    activity,
    tone,
    propensity,
    lastPublicDay: posts.length > 0 ? posts[posts.length - 1]?.day : undefined,
    suspiciousAudience,
  };
  if (posts.length === 0) return { score: 0, confidence: 0, evidence };
  if (totals.activity === 0) return { score: 0, confidence: posts.length / (posts.length + CONFIDENCE_PRIOR), evidence };
  const favourability = lowerCredibleBound(tone, toned + 2);
  return { score: propensity * favourability, confidence: posts.length / (posts.length + CONFIDENCE_PRIOR), evidence };
}
