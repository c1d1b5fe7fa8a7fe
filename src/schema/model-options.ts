import * as z from "zod";
import { scaleSchema } from "./scale.js";
import { topicsSchema } from "./topics.js";

/**
 * Options of the building blocks the pipeline is made of (the BTYD fitters, the optimiser, RFM, the voice and
 * commitment fitters, personas). Each is a strict zod object, like every options object of the library: an unknown
 * key is an error naming the closest known one. Defaults are applied by each function and documented on its type.
 */

const finite = z.number().finite();
const nonNegative = finite.min(0);
const positive = finite.positive();
const wholePositive = z.number().int().positive();
const day = z.number().finite();
const utcDate = z.date();

/** Options of `fitBgNbd`. */
export const bgNbdFitOptionsSchema = z.strictObject({
  /** L2 penalty on the parameters in rescaled time, added to the mean negative log-likelihood (lifetimes' penalizer_coef). Default 0. */
  penalizer: finite.optional(),
  /** BFGS iteration limit. Default 500. */
  maxIterations: wholePositive.optional(),
  /** Compute standard errors (costs a numerical Hessian, about 8 gradient passes). Default true. */
  standardErrors: z.boolean().optional(),
});

/** Options of `fitParetoNbd`. */
export const paretoNbdFitOptionsSchema = z.strictObject({
  /** L2 penalty on the parameters in rescaled time (lifetimes' penalizer_coef). Default 0. */
  penalizer: finite.optional(),
  /** BFGS iteration limit. Default 500. */
  maxIterations: wholePositive.optional(),
});

/** Options of `fitGammaGamma`. */
export const gammaGammaFitOptionsSchema = z.strictObject({
  /** L2 penalty on (p, q, γ) added to the mean negative log-likelihood (lifetimes' penalizer_coef). Default 0. */
  penalizer: finite.optional(),
  /** BFGS iteration limit. Default 500. */
  maxIterations: wholePositive.optional(),
});

/** Options of `customerLifetimeValue`. */
export const clvOptionsSchema = z.strictObject({
  /** The time unit of frequency/recency/T and of the BG/NBD fit: a month is 30 days or 4.345 weeks (as lifetimes). */
  unit: z.enum(["days", "weeks"]),
  /** Horizon in months. Default 12. */
  months: finite.optional(),
  /** Monthly discount rate. Default 0.01. */
  discountRate: finite.optional(),
});

/** Options of `minimizeBfgs`. */
export const minimizeOptionsSchema = z.strictObject({
  /** Stop when every |∂f/∂xᵢ| is below this. Default 1e-9. */
  gradientTolerance: positive.optional(),
  /** Iteration limit. Default 500. */
  maxIterations: z.number().int().min(0).optional(),
  /** The objective fills `gradient` itself (true) or we use central differences (false). Default true. */
  analyticGradient: z.boolean().optional(),
  /**
   * Give up (not converged) once any |xᵢ| exceeds this: for log-parameters, a fit running off to e^±bound is a
   * likelihood with no finite optimum, and chasing it costs hundreds of iterations. Default: no bound.
   */
  bound: z.number().positive().optional(),
});

/** Options of `rfmSummary`. */
export const rfmSummaryOptionsSchema = z.strictObject({
  /** End of the data: a purchase on a later UTC day is an error (future-dated row). */
  asOf: utcDate,
  unit: z.enum(["days", "weeks"]),
  /**
   * Summarise as of this earlier date instead (a calibration period): purchases after it (up to `asOf`) are
   * ignored, T runs to it, and customers who first bought after it are left out. Default: `asOf`.
   */
  calibrationEnd: utcDate.optional(),
});

/** Options of `calibrationHoldout`. */
export const calibrationHoldoutOptionsSchema = z.strictObject({
  calibrationEnd: utcDate,
  /** End of the holdout window and of the data: later rows throw `FUTURE_PURCHASE`. */
  observationEnd: utcDate,
  unit: z.enum(["days", "weeks"]),
});

/** Options of `rfmScores`. */
export const rfmScoreOptionsSchema = z.strictObject({
  /** Number of quantile bins per dimension, 2…9 (one digit each). Default 5 (quintiles). */
  bins: z.number().optional(),
});

/** Options of `simulateBgNbd`. */
export const simulateOptionsSchema = z.strictObject({
  /** How many histories to draw. */
  customers: z.number().int().min(0),
  /** The observation length of customer `index`. */
  T: z.custom<(index: number) => number>((value) => typeof value === "function", { error: "expected a function (index) => T" }),
  /** Seed of the generator: the same seed draws the same histories. */
  seed: z.number().finite(),
});

/** Options of `fitLogistic`. */
export const fitLogisticOptionsSchema = z.strictObject({
  /** L2 penalty on the weights (not the intercept); ≥ 0. Default 1. */
  l2: finite.optional(),
  /** Newton iterations at most. Default 100. */
  maxIterations: z.number().int().min(0).optional(),
  /** Converged when the largest Newton step is below this. Default 1e-10. */
  tolerance: finite.optional(),
});

/** Options of `fitVoiceModel`. */
export const fitVoiceModelOptionsSchema = z.strictObject({
  /** The last day of data: labels come from (asOfDay − windowDays, asOfDay]. */
  asOfDay: day,
  /** Recency half-life of the voice features. */
  halfLifeDays: z.number(),
  /** Length of the later (label) window in days. Default 180. */
  windowDays: positive.optional(),
  /** Share of customers held out to check the fit, chosen by a stable hash of the ID. Default 0.3. */
  holdoutShare: z.number().gt(0).lt(1).optional(),
  /** Positive labels needed in the training set to trust a fit. Default 30. */
  minPositives: z.number().int().min(0).optional(),
  /** L2 penalty on the standardised weights. Default 1 (negligible at thousands of customers, decisive at a handful). */
  l2: nonNegative.optional(),
});

/** Options of `fitVoice`. */
export const fitVoiceOptionsSchema = z.strictObject({
  /** Topic → keywords for the criticism landscape (default: the library's topics). */
  topics: topicsSchema.optional(),
  /** "auto" (default) learns the propensity weights when the data allows; "default" keeps the documented ones. */
  voiceModel: z.enum(["auto", "default"]).optional(),
  /** Length of the voice model's label window in days. Default 180. */
  windowDays: positive.optional(),
});

/** Options of `fitCommitment`. */
export const fitCommitmentOptionsSchema = z.strictObject({
  /** How fast old survey answers lose weight. */
  halfLifeDays: positive,
  /** Survey scales over `answers.*` items (default: one scale over every item). */
  scales: z.array(scaleSchema).readonly().optional(),
  /** Range of `answers.*` items in no declared scale. */
  answerScale: z.strictObject({ min: finite, max: finite }),
});

/** Options of `findPersonas`. */
export const personaOptionsSchema = z.strictObject({
  /** Number of personas (clusters); capped at the number of customers. */
  k: z.number().int().min(1),
  /** Seed of the k-means++ initialisation, so personas are the same on every run (default 42). */
  seed: z.number().int().optional(),
});
