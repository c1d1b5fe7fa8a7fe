import type { BgNbdParams } from "./btyd/bg-nbd.js";
import type { GammaGammaParams } from "./btyd/gamma-gamma.js";

/**
 * Population parameters of the loyalty dimension, as stored in the model.
 *
 * `method: "bg-nbd"`: a BG/NBD model of repeat buying (and a Gamma-Gamma model of spend, when it could be fitted)
 * drives the score. `method: "rfm-percentile"`: the population was too small or degenerate to fit (say, nobody
 * bought twice), so the score falls back to recency/frequency/spend/tenure percentiles; `fallbackReason` says why.
 */
export interface LoyaltyParams {
  readonly method: "bg-nbd" | "rfm-percentile";
  readonly fallbackReason?: string | undefined;
  /** Buyers the models were fitted on, when that was a deterministic sample of a larger population. */
  readonly fittedOn?: number | undefined;
  /** Time unit of the BTYD parameters and horizon. */
  readonly unit: "weeks";
  readonly horizonWeeks: number;
  readonly bgNbd?: BgNbdParams | undefined;
  readonly gammaGamma?: GammaGammaParams | undefined;
  /** Median number of repeat purchase days among repeat buyers: that many reads 0.63. */
  readonly repeatPurchasesScale: number;
  /** Median expected purchases over the horizon among repeat buyers: that many reads 0.63. */
  readonly expectedPurchasesScale: number;
  /** Median expected value (purchases × spend) over the horizon among repeat buyers. */
  readonly expectedValueScale: number;
  /** Quantile grids among buyers, for the tenure term and the fallback score. */
  readonly recencyDays: number[];
  readonly purchaseDays: number[];
  readonly spendPerDay: number[];
  readonly tenureDays: number[];
}

/** What the loyalty score of one customer rests on. */
export interface LoyaltyEvidence {
  /** Purchase days and spend up to "as of". */
  readonly purchaseDays: number;
  readonly spend: number;
  /** Purchase records marked returned (over all records profiled). */
  readonly returned: number;
  readonly daysSinceLastPurchase?: number | undefined;
  readonly tenureDays?: number | undefined;
  /** BG/NBD: probability the customer is still "alive" (buying). */
  readonly probabilityAlive?: number | undefined;
  /** BG/NBD: expected purchase days over the next `horizonWeeks`. */
  readonly expectedPurchases?: number | undefined;
  readonly horizonWeeks?: number | undefined;
  /** Expected purchases × Gamma-Gamma expected spend over the horizon. */
  readonly expectedValue?: number | undefined;
  /** Percentiles (0..1) among the population's buyers; recency is "recent = high". */
  readonly recencyPercentile: number;
  readonly frequencyPercentile: number;
  readonly monetaryPercentile: number;
  readonly tenurePercentile: number;
}
