import type { CriticismLandscape } from "./exposure.js";
import type { VoiceModel } from "./learn/voice-model.js";

/** Population parameters of the voice dimension, as stored in the model. */
export interface VoiceParams {
  /** Where the brand is criticised (platforms and topics of negative brand mentions), for exposure. */
  readonly landscape: CriticismLandscape;
  /** The propensity model: documented default weights, or weights learned from this data (it says which, and why). */
  readonly model: VoiceModel;
  /** Median recency-weighted brand activity among customers with any: an activity this size reads 0.63. */
  readonly activityScale: number;
  readonly halfLifeDays: number;
}

/** What the voice score of one customer rests on. */
export interface VoiceEvidence {
  readonly publicActivities: number;
  readonly privateActivities: number;
  readonly brandMentions: number;
  readonly positiveMentions: number;
  readonly negativeMentions: number;
  /** Public replies to criticism of the brand with a positive tone: the strongest signal of a defender. */
  readonly defences: number;
  readonly reviews: number;
  /** Platforms with public activity, sorted. */
  readonly platforms: readonly string[];
  readonly maxReach: number;
  /** 0..1: how much the customer speaks in public about the brand, relative to the population. */
  readonly activity: number;
  /** 0..1: how favourable that speech is (Laplace-smoothed share of positive mentions and defences). */
  readonly tone: number;
  /** 0..1: the propensity model's probability that the customer speaks publicly about the brand in the next window. */
  readonly propensity: number;
  readonly lastPublicDay?: number | undefined;
  /**
   * Set when the audience looks bought: a large following with almost no engagement ("followers"), or more
   * engagement per post than followers ("engagement"). Reach then counts for nothing.
   */
  readonly suspiciousAudience?: "followers" | "engagement" | undefined;
}
