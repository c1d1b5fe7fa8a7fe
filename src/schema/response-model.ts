/**
 * P(responds | invited), learned from past invitations' outcomes, or the base rate when that is all the data
 * supports. Plain JSON: keep it beside the model (`model.response`, see `withResponseModel`) as the voice model is
 * kept, with the reason it was chosen.
 */
export interface ResponseModel {
  readonly method: "learned" | "base-rate";
  readonly reason: string;
  /** Share of invitations answered in the data it was fitted on. */
  readonly baseRate: number;
  readonly featureNames: readonly string[];
  readonly intercept: number;
  readonly weights: readonly number[];
  readonly means: readonly number[];
  readonly scales: readonly number[];
  /** Held-out log-loss of the learned model and of the base rate, and how many outcomes were held out. */
  readonly holdout?: { readonly learned: number; readonly baseRate: number; readonly outcomes: number } | undefined;
}

