/** Population parameters of the commitment dimension, as stored in the model. */
export interface CommitmentParams {
  /** Mean survey-based commitment among customers who answered: the prior a single answer is shrunk toward. */
  readonly populationMean: number;
  /** How many (recency-weighted) responses the prior is worth. */
  readonly priorWeight: number;
  readonly halfLifeDays: number;
}

/** What the commitment score of one customer rests on. */
export interface CommitmentEvidence {
  readonly responses: number;
  /** Sum of the responses' recency weights: the effective number of responses. */
  readonly effectiveResponses: number;
  /** The latest NPS answer and its category. */
  readonly latestNps?: number | undefined;
  readonly latestNpsCategory?: NpsCategory | undefined;
  readonly latestNpsDay?: number | undefined;
  /** Recency-weighted survey commitment before shrinkage. */
  readonly rawScore?: number | undefined;
  /** After shrinkage toward the population mean; the score is its lower credible bound. */
  readonly shrunkScore?: number | undefined;
}

/** Net Promoter categories: 9–10 promoter, 7–8 passive, 0–6 detractor. */
export type NpsCategory = "promoter" | "passive" | "detractor";
