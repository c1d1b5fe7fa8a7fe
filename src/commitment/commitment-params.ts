import type { RecordRef } from "../schema/problem.js";
import type { ScaleConstruct, ScaleDefinition } from "../schema/scale.js";
import type { NetPromoterScore } from "./net-promoter-score.js";
import type { NpsCategory } from "./nps-category.js";

/** A scale as fitted: its definition, its internal consistency over the population, and how many answered it. */
export interface FittedScale extends ScaleDefinition {
  /** Cronbach's alpha over responses that answered every item; absent when undefined (too few items or answers). */
  readonly alpha?: number | undefined;
  /** Responses that answered at least one item. */
  readonly responses: number;
}

/** Population parameters of the commitment dimension, as stored in the model. */
export interface CommitmentParams {
  /** Mean survey-based commitment among customers who answered: the prior a single answer is shrunk toward. */
  readonly populationMean: number;
  /** How many (recency-weighted) responses the prior is worth. */
  readonly priorWeight: number;
  readonly halfLifeDays: number;
  /** Scales scored from `answers.*` (given by the `scales` option, or one default scale over every item). */
  readonly scales: readonly FittedScale[];
  /** Net Promoter Score of the population (each customer's latest answer), with its standard error. */
  readonly nps?: NetPromoterScore | undefined;
  /** Measurement warnings, such as a scale with Cronbach's alpha below 0.7. */
  readonly warnings: readonly string[];
}

/** A customer's score on one scale (recency-weighted over their responses). */
export interface ScaleResult {
  readonly name: string;
  readonly construct: ScaleConstruct;
  readonly score: number;
}

/** What the commitment score of one customer rests on: which responses, which scales, which words. */
export interface CommitmentEvidence {
  readonly responses: number;
  /** The survey rows the score rests on, latest first (at most 10). */
  readonly responseRefs: readonly RecordRef[];
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
  /** The customer's scale scores, in the model's scale order. */
  readonly scales: readonly ScaleResult[];
  /** Lexicon words that carried the tone of the customer's comments (sorted, at most 10 each). */
  readonly positiveWords: readonly string[];
  readonly negativeWords: readonly string[];
  /** Topics the customer's comments praise and complain about. */
  readonly praise: readonly string[];
  readonly complaints: readonly string[];
}
