/** How the learned weights did against the defaults on customers held out of the fit. */
export interface VoiceHoldout {
  /** Held-out customers (eligible: seen before the split day). */
  readonly customers: number;
  /** Of them, how many posted publicly about the brand in the later window. */
  readonly positives: number;
  /** positives / customers. */
  readonly baseRate: number;
  /** The top k scored customers lift is measured on: max(10, 10 % of the holdout), at most the holdout. */
  readonly k: number;
  readonly liftLearned: number;
  readonly liftDefault: number;
}

/**
 * A voice model: logistic weights over standardised voice features, in plain JSON (it round-trips through
 * `JSON.stringify`/`JSON.parse` and scores identically). `method` says which weights these are — the documented
 * defaults or weights learned from the brand's own history — and `reason` says why.
 */
export interface VoiceModel {
  readonly method: "default" | "learned";
  readonly reason: string;
  /** Feature names in weight order (the voice features' `VOICE_FEATURE_NAMES`). */
  readonly featureNames: string[];
  readonly weights: number[];
  readonly intercept: number;
  /** Each feature is used as (x − mean) / scale. */
  readonly means: number[];
  readonly scales: number[];
  /** The propensity is the chance of posting publicly about the brand within this many days. */
  readonly windowDays: number;
  readonly holdout?: VoiceHoldout;
}
