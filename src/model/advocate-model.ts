import type { CommitmentParams } from "../commitment/commitment-params.js";
import type { LoyaltyParams } from "../loyalty/loyalty-params.js";
import type { VoiceParams } from "../voice/voice-params.js";
import type { ResponseModel } from "../schema/response-model.js";
import type { ToneChoice } from "../text/tone/fit-tone-adjustment.js";

/** Identifies a serialised model, so a stray JSON file is not mistaken for one. */
export const MODEL_FORMAT = "brand-advocates/model";
/** Bumped whenever the meaning of a stored parameter changes; `score` refuses models of another version. */
export const MODEL_VERSION = 1;

/** Relative weight of each dimension in the advocate score (they sum to 1). */
export interface DimensionWeights {
  readonly loyalty: number;
  readonly commitment: number;
  readonly voice: number;
}

/**
 * A fitted model: plain, versioned, JSON-serialisable population parameters. `JSON.parse(JSON.stringify(model))`
 * scores exactly as the original, so a model fitted in a notebook can be shipped to a service.
 */
export interface AdvocateModel {
  readonly format: typeof MODEL_FORMAT;
  readonly version: typeof MODEL_VERSION;
  /** "Now" for every recency, as an ISO date and as a UTC day number. */
  readonly asOf: string;
  readonly asOfDay: number;
  /** Customers in the population the model was fitted to. */
  readonly population: number;
  /** Customers the parameters were estimated from, when that was a deterministic sample of the population. */
  readonly fittedOn?: number | undefined;
  readonly loyalty: LoyaltyParams;
  readonly commitment: CommitmentParams;
  readonly voice: VoiceParams;
  readonly weights: DimensionWeights;
  /** The least each dimension must reach for a customer to be listed as an advocate. */
  readonly minimum: DimensionWeights;
  /** Who responds when invited, learned from past invitations (`withResponseModel`); absent until there are outcomes. */
  readonly response?: ResponseModel | undefined;
  /**
   * Which tone reader read the texts the profiles hold: the shipped model, or one adjusted to the brand's own
   * comments (with the adjustment, which profiling more records for this model must be given), and why.
   */
  readonly tone?: ToneChoice | undefined;
}
