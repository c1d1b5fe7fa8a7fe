import type { CustomerProfile } from "../profile/customer-profile.js";
import { percentileFromGrid } from "../stats/percentile-grid.js";
import type { DimensionScore } from "../stats/dimension-score.js";
import type { LoyaltyEvidence, LoyaltyParams } from "./loyalty-params.js";

/**
 * Exponents of the weighted geometric mean. Frequency and recency carry the weight: repeat buying that is still
 * going on is what behavioural loyalty means; a geometric mean lets a lapsed customer (recency near 0) or a
 * one-time buyer (frequency low) score low however much they spent.
 */
export const LOYALTY_EXPONENTS = { recency: 0.35, frequency: 0.45, monetary: 0.1, tenure: 0.1 } as const;

// The population's very lowest value must not zero the whole product (the thriftiest frequent buyer is still loyal).
const PERCENTILE_FLOOR = 0.02;
function floored(percentile: number): number {
  return PERCENTILE_FLOOR + (1 - PERCENTILE_FLOOR) * percentile;
}

// Confidence grows with purchase occasions: one purchase says little about a habit, ten say a lot.
const CONFIDENCE_PRIOR = 2;

/**
 * Scores behavioural loyalty on 0..1 from recency, frequency, monetary value and tenure, each as a percentile
 * among the population's buyers. A customer who never bought scores 0 with confidence 0.
 *
 * @example
 * const { score, evidence } = scoreLoyalty(profile, model.loyalty, model.asOfDay);
 * evidence.purchaseDays; //=> 14
 */
export function scoreLoyalty(profile: CustomerProfile, params: LoyaltyParams, asOfDay: number): DimensionScore<LoyaltyEvidence> {
  const { purchases } = profile;
  const base = { purchaseDays: purchases.days.length, orders: purchases.orders, returned: purchases.returned, spend: purchases.spend };
  if (purchases.first === undefined || purchases.last === undefined || purchases.days.length === 0) {
    return {
      score: 0,
      confidence: 0,
      evidence: { ...base, recencyPercentile: 0, frequencyPercentile: 0, monetaryPercentile: 0, tenurePercentile: 0 },
    };
  }
  const daysSinceLastPurchase = Math.max(0, asOfDay - purchases.last.day);
  const tenureDays = Math.max(0, asOfDay - purchases.first.day);
  const evidence: LoyaltyEvidence = {
    ...base,
    daysSinceLastPurchase,
    tenureDays,
    recencyPercentile: 1 - percentileFromGrid(params.recencyDays, daysSinceLastPurchase),
    frequencyPercentile: percentileFromGrid(params.purchaseDays, purchases.days.length),
    monetaryPercentile: percentileFromGrid(params.spendPerDay, purchases.spend / purchases.days.length),
    tenurePercentile: percentileFromGrid(params.tenureDays, tenureDays),
  };
  const score =
    Math.pow(floored(evidence.recencyPercentile), LOYALTY_EXPONENTS.recency) *
    Math.pow(floored(evidence.frequencyPercentile), LOYALTY_EXPONENTS.frequency) *
    Math.pow(floored(evidence.monetaryPercentile), LOYALTY_EXPONENTS.monetary) *
    Math.pow(floored(evidence.tenurePercentile), LOYALTY_EXPONENTS.tenure);
  return { score, confidence: purchases.days.length / (purchases.days.length + CONFIDENCE_PRIOR), evidence };
}
