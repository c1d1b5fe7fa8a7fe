import type { CustomerProfile } from "../profile/customer-profile.js";
import { percentileFromGrid } from "../stats/percentile-grid.js";
import type { DimensionScore } from "../stats/dimension-score.js";
import { expectedPurchases, probabilityAlive } from "./btyd/bg-nbd.js";
import { expectedSpend } from "./btyd/gamma-gamma.js";
import type { LoyaltyEvidence, LoyaltyParams } from "./loyalty-params.js";
import { purchaseHistory, type PurchaseHistory } from "./purchase-history.js";

/**
 * Exponents of the model-based score's saturated terms: repeat purchases so far (demonstrated loyalty), expected
 * purchases over the horizon, expected value. P(alive) multiplies them in full. Without a spend model the
 * expected-purchases term takes the value term's share.
 */
export const LOYALTY_EXPONENTS = { repeats: 0.5, purchases: 0.4, value: 0.1 } as const;

/** Exponents of the fallback percentile score: recency, frequency, spend per purchase day, tenure. */
export const FALLBACK_EXPONENTS = { recency: 0.35, frequency: 0.45, monetary: 0.1, tenure: 0.1 } as const;

// The population's very lowest value must not zero the whole product (the thriftiest frequent buyer is still loyal).
const PERCENTILE_FLOOR = 0.02;
function floored(percentile: number): number {
  return PERCENTILE_FLOOR + (1 - PERCENTILE_FLOOR) * percentile;
}

/** 1 − e^(−value/scale): 0 for nothing, 0.63 at the population's typical repeat buyer, → 1 beyond. */
function saturate(value: number, scale: number): number {
  const saturated = 1 - Math.exp(-Math.max(0, value) / scale);
  return Number.isFinite(saturated) ? saturated : 0;
}

/** Money spent on purchase days up to and including `asOfDay`. */
function spendAsOf(profile: CustomerProfile, asOfDay: number): number {
  let spend = 0;
  profile.purchases.days.forEach((day, index) => {
    if (day <= asOfDay) spend += profile.purchases.daySpend[index] as number;
  });
  return spend;
}

function finiteOr0(value: number): number {
  return Number.isFinite(value) ? value : 0;
}

// Confidence grows with purchase occasions: one purchase says little about a habit, ten say a lot.
const CONFIDENCE_PRIOR = 2;

function percentiles(history: PurchaseHistory, spend: number, params: LoyaltyParams) {
  return {
    recencyPercentile: 1 - percentileFromGrid(params.recencyDays, history.daysSinceLastPurchase),
    frequencyPercentile: percentileFromGrid(params.purchaseDays, history.frequency + 1),
    monetaryPercentile: percentileFromGrid(params.spendPerDay, spend / (history.frequency + 1)),
    tenurePercentile: percentileFromGrid(params.tenureDays, history.tenureDays),
  };
}

/**
 * Scores behavioural loyalty on 0..1: repeat buying the customer has shown, that is still going on and expected
 * to go on. With a fitted BG/NBD model (the usual case):
 * `P(alive) × S(x; xₘ)^0.5 × S(E; Eₘ)^0.4 × S(V; Vₘ)^0.1`, where S(v; m) = 1 − e^(−v/m), x is the number of
 * repeat purchase days so far, E the expected purchase days over the horizon, V = E × Gamma-Gamma expected spend,
 * and xₘ, Eₘ, Vₘ their medians among repeat buyers (so the typical repeat buyer reads about 0.6 on each term).
 * A lapsed customer (P(alive) low) scores low; a one-time buyer scores 0 — they have not come back yet, however
 * recent or large the purchase (BG/NBD alone would call them alive and, if new, expect them to buy). Without a
 * fitted model the score is a geometric mean of RFM-T percentiles ({@link FALLBACK_EXPONENTS}). A customer who
 * never bought scores 0 with confidence 0.
 *
 * @example
 * const { score, evidence } = scoreLoyalty(profile, model.loyalty, model.asOfDay);
 * evidence.probabilityAlive; //=> 0.93
 */
export function scoreLoyalty(profile: CustomerProfile, params: LoyaltyParams, asOfDay: number): DimensionScore<LoyaltyEvidence> {
  const { purchases } = profile;
  const history = purchaseHistory(profile, asOfDay);
  const base = { purchaseDays: history === undefined ? 0 : history.frequency + 1, returned: purchases.returned, spend: spendAsOf(profile, asOfDay) };
  if (history === undefined) {
    return { score: 0, confidence: 0, evidence: { ...base, recencyPercentile: 0, frequencyPercentile: 0, monetaryPercentile: 0, tenurePercentile: 0 } };
  }
  const ranks = percentiles(history, base.spend, params);
  const confidence = (history.frequency + 1) / (history.frequency + 1 + CONFIDENCE_PRIOR);
  const when = { daysSinceLastPurchase: history.daysSinceLastPurchase, tenureDays: history.tenureDays };
  if (params.method === "bg-nbd" && params.bgNbd !== undefined) {
    const alive = probabilityAlive(params.bgNbd, history.frequency, history.recency, history.T);
    const expected = expectedPurchases(params.bgNbd, params.horizonWeeks, history.frequency, history.recency, history.T);
    const value = params.gammaGamma === undefined ? undefined : expected * expectedSpend(params.gammaGamma, history.frequency, history.monetaryValue);
    const score =
      alive *
      Math.pow(saturate(history.frequency, params.repeatPurchasesScale), LOYALTY_EXPONENTS.repeats) *
      Math.pow(saturate(expected, params.expectedPurchasesScale), LOYALTY_EXPONENTS.purchases + (value === undefined ? LOYALTY_EXPONENTS.value : 0)) *
      (value === undefined ? 1 : Math.pow(saturate(value, params.expectedValueScale), LOYALTY_EXPONENTS.value));
    return {
      score: Number.isFinite(score) ? score : 0,
      confidence,
      evidence: { ...base, ...when, probabilityAlive: finiteOr0(alive), expectedPurchases: finiteOr0(expected), horizonWeeks: params.horizonWeeks, expectedValue: value === undefined ? undefined : finiteOr0(value), ...ranks },
    };
  }
  const score =
    Math.pow(floored(ranks.recencyPercentile), FALLBACK_EXPONENTS.recency) *
    Math.pow(floored(ranks.frequencyPercentile), FALLBACK_EXPONENTS.frequency) *
    Math.pow(floored(ranks.monetaryPercentile), FALLBACK_EXPONENTS.monetary) *
    Math.pow(floored(ranks.tenurePercentile), FALLBACK_EXPONENTS.tenure);
  return { score, confidence, evidence: { ...base, ...when, ...ranks } };
}
