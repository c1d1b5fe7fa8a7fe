import { VOICE_FEATURE_NAMES } from "../voice-features.js";
import type { VoiceModel } from "./voice-model.js";

/** The horizon of a voice propensity unless a fit says otherwise: half a year, long enough for a quiet customer to speak. */
export const DEFAULT_VOICE_WINDOW_DAYS = 180;

/**
 * Intercept of the default model: logit(0.02). A customer with no public activity at all still has a small chance
 * of posting about the brand in the next half year (most brand mentions come from the 90 % who are usually silent
 * — 90-9-1), but it is small.
 */
const DEFAULT_INTERCEPT = -3.9;

/**
 * One default weight and why. The default model uses the *raw* features (scale 1), centred only where the
 * neutral value is not 0, so it needs no population statistics and scores a single customer the same in any data
 * set. Weights are log-odds per unit of the feature; "typical strong value" below is what an active advocate has,
 * and weight × that value is how much the feature can move the log-odds, which is what orders them.
 */
export interface DefaultVoiceWeight {
  readonly weight: number;
  /** The feature's neutral value (its mean in the model). */
  readonly centre: number;
  readonly why: string;
}

/**
 * The default weights with their rationale, per voice feature. Ordered by the most they move the log-odds:
 * defences ≫ brand activity ≈ favourable share > reviews > brand share > public activity > engagement > reach.
 */
export const DEFAULT_VOICE_WEIGHTS = {
  defences: {
    weight: 1.2,
    centre: 0,
    why: "Replying in the brand's favour to criticism is advocacy itself, and the rarest, costliest public act: the strongest signal (≈ +2.5 log-odds at 6–7 recent defences, log1p ≈ 2).",
  },
  brandActivity: {
    weight: 0.8,
    centre: 0,
    why: "Recent public posts about the brand are the best predictor of more of them (habit): ≈ +1.6 log-odds at log1p ≈ 2 (six or seven recent mentions).",
  },
  positiveShare: {
    weight: 3,
    centre: 0.5,
    why: "Whether what they say is favourable: a voice is only an advocate's if the tone is, so all-favourable adds ≈ +1.5 and all-critical ≈ −1.5 log-odds against the neutral 0.5 of a customer without toned posts.",
  },
  reviews: {
    weight: 0.6,
    centre: 0,
    why: "Writing reviews is speaking in public about a purchase, usually the brand's: ≈ +0.8 log-odds at three recent reviews (log1p ≈ 1.4).",
  },
  brandShare: {
    weight: 0.7,
    centre: 0,
    why: "A customer whose posts are mostly about the brand is an enthusiast, not a general poster who once mentioned it: at most +0.7 log-odds (share 1).",
  },
  publicActivity: {
    weight: 0.15,
    centre: 0,
    why: "A habit of posting in public makes a brand post easier but does not create one: weak, ≈ +0.3 log-odds at log1p ≈ 2.",
  },
  engagementPerPost: {
    weight: 0.05,
    centre: 0,
    why: "Engagement received says the audience listens, not that the customer will speak about the brand; it is unbounded (log scale), so kept weak: ≈ +0.2 log-odds at 50 per post, +0.45 at 8,000.",
  },
  reach: {
    weight: 0.1,
    centre: 0,
    why: "Follower counts are heavy-tailed and gameable and say nothing about the brand: the weakest weight, at most +0.1 log-odds (a million followers), so reach alone never makes a customer vocal.",
  },
} as const satisfies Record<(typeof VOICE_FEATURE_NAMES)[number], DefaultVoiceWeight>;

/**
 * The documented default voice model, used when the data hold too little history to learn weights (see each
 * weight's rationale in {@link DEFAULT_VOICE_WEIGHTS}). On raw features it gives a customer with no public
 * activity ≈ 0.02, a frequent brand defender ≈ 0.9–0.96, a big account that never mentions the brand ≈ 0.05–0.06
 * and a vocal critic ≈ 0.1 (the defaults score advocacy, not any talk about the brand).
 *
 * @example
 * voicePropensity(voiceFeatures(profile, asOfDay, 180), DEFAULT_VOICE_MODEL); //=> 0.02 for a silent customer
 */
export const DEFAULT_VOICE_MODEL: VoiceModel = {
  method: "default",
  reason: "documented default weights (no fit)",
  featureNames: [...VOICE_FEATURE_NAMES],
  weights: VOICE_FEATURE_NAMES.map((name) => DEFAULT_VOICE_WEIGHTS[name].weight),
  intercept: DEFAULT_INTERCEPT,
  means: VOICE_FEATURE_NAMES.map((name) => DEFAULT_VOICE_WEIGHTS[name].centre),
  scales: VOICE_FEATURE_NAMES.map(() => 1),
  windowDays: DEFAULT_VOICE_WINDOW_DAYS,
};
