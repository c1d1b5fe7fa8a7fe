/** Buy-'Til-You-Die customer-base models (BG/NBD, Pareto/NBD, Gamma-Gamma), RFM summaries and RFM scores. */
export { BtydError, type BtydErrorCode } from "./errors.js";
export {
  rfmSummary,
  calibrationHoldout,
  type TransactionInput,
  type TimeUnit,
  type RfmSummary,
  type RfmSummaryOptions,
  type CalibrationHoldoutSummary,
  type CalibrationHoldoutOptions,
} from "./rfm-summary.js";
export { hyp2f1 } from "./hyp2f1.js";
export { digamma, logGammaSigned } from "./special-functions.js";
export {
  minimizeBfgs,
  withNumericGradient,
  type Objective,
  type MinimizeOptions,
  type MinimizeResult,
} from "./optimize.js";
export { compressPatterns, type FrequencyRecencyT, type Patterns } from "./patterns.js";
export {
  fitBgNbd,
  bgNbdLogLikelihood,
  probabilityAlive,
  expectedPurchases,
  expectedPurchasesUnconditional,
  type BgNbdParams,
  type BgNbdFit,
  type BgNbdFitOptions,
} from "./bg-nbd.js";
export {
  fitGammaGamma,
  expectedSpend,
  customerLifetimeValue,
  type GammaGammaParams,
  type GammaGammaFit,
  type GammaGammaFitOptions,
  type FrequencyMonetary,
  type ClvCustomer,
  type ClvOptions,
} from "./gamma-gamma.js";
export {
  fitParetoNbd,
  paretoNbdLogLikelihood,
  paretoProbabilityAlive,
  paretoExpectedPurchases,
  paretoExpectedPurchasesUnconditional,
  type ParetoNbdParams,
  type ParetoNbdFit,
  type ParetoNbdFitOptions,
} from "./pareto-nbd.js";
export { rfmScores, type RfmScore, type RfmScoreInput, type RfmScoreOptions } from "./rfm-scores.js";
export { simulateBgNbd, seededRandom, type SimulatedHistory, type SimulateOptions } from "./simulate.js";
