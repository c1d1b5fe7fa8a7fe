import type { CommitmentEvidence } from "../commitment/commitment-params.js";
import { scoreCommitment } from "../commitment/score-commitment.js";
import type { LoyaltyEvidence } from "../loyalty/loyalty-params.js";
import { scoreLoyalty } from "../loyalty/score-loyalty.js";
import type { CustomerProfile } from "../profile/customer-profile.js";
import type { VoiceEvidence } from "../voice/voice-params.js";
import { exposureOfTally, type Exposure } from "../voice/exposure.js";
import { scoringTally } from "../voice/public-activity.js";
import { voiceOfTally } from "../voice/score-voice.js";
import { MODEL_FORMAT, MODEL_VERSION, type AdvocateModel } from "./advocate-model.js";
import { weightedGeometricMean } from "./advocate-score.js";
import type { DimensionScore } from "../stats/dimension-score.js";

/** One customer's scores: the advocate score, each dimension with its evidence, and an overall confidence. */
export interface CustomerScore {
  readonly customerId: string;
  /** 0..1, the weighted geometric mean of the three dimensions (see {@link advocateScore}). */
  readonly advocate: number;
  /** 0..1, the mean of the dimensions' confidences. */
  readonly confidence: number;
  readonly loyalty: DimensionScore<LoyaltyEvidence>;
  readonly commitment: DimensionScore<CommitmentEvidence>;
  readonly voice: DimensionScore<VoiceEvidence>;
  /** Kept apart from voice: a vocal advocate who is never where the criticism happens must be told, not counted on. */
  readonly exposure: Exposure;
  /** Every dimension reaches the model's minimum. */
  readonly eligible: boolean;
}

/**
 * Scores one customer profile against a fitted model. Pure and fast: no I/O, no clock, no randomness — the same
 * profile and model always give the same result. This is the function a marketing tool calls per customer.
 *
 * Speed: what depends only on the model (the voice model's terms, the loyalty percentiles of whole-day counts) is
 * worked out once per model object and remembered while the object lives, so treat a model as immutable (a JSON
 * copy is a new object and scores identically); a customer's posts are tallied once for voice and exposure, and
 * nothing is allocated beyond the returned scores and their evidence.
 *
 * @throws {TypeError} if the model is not a brand-advocates model of this version.
 * @example
 * const model = fitModel(data);
 * const profile = buildProfiles(validateData(data, resolveOptions())).profiles.get("c-0001")!;
 * score(profile, model).advocate; //=> 0.71
 */
export function score(profile: CustomerProfile, model: AdvocateModel): CustomerScore {
  if (model.format !== MODEL_FORMAT || model.version !== MODEL_VERSION) {
    throw new TypeError(`score: expected a ${MODEL_FORMAT} model of version ${MODEL_VERSION}, got ${String(model.format)} v${String(model.version)}`);
  }
  const loyalty = scoreLoyalty(profile, model.loyalty, model.asOfDay);
  const commitment = scoreCommitment(profile, model.commitment, model.asOfDay);
  // One tally of the public posts serves voice, its features and exposure (they weigh posts alike).
  const posts = scoringTally(profile, model.asOfDay, model.voice.halfLifeDays);
  const voice = voiceOfTally(posts, profile.social.privateCount, model.voice);
  const exposure = exposureOfTally(posts, profile.handles, model.voice.landscape);
  return {
    customerId: profile.customerId,
    advocate: weightedGeometricMean(loyalty.score, commitment.score, voice.score, model.weights),
    confidence: (loyalty.confidence + commitment.confidence + voice.confidence) / 3,
    loyalty,
    commitment,
    voice,
    exposure,
    eligible: loyalty.score >= model.minimum.loyalty && commitment.score >= model.minimum.commitment && voice.score >= model.minimum.voice,
  };
}
