import type { CustomerProfile } from "../profile/customer-profile.js";
import { percentileFromGrid } from "../stats/percentile-grid.js";
import { WholeNumberTable } from "../stats/whole-number-table.js";
import type { DimensionScore } from "../stats/dimension-score.js";
import { expectedPurchasesOrNaN, probabilityAlive } from "./btyd/bg-nbd.js";
import { expectedSpend } from "./btyd/gamma-gamma.js";
import type { LoyaltyEvidence, LoyaltyParams } from "./loyalty-params.js";
import { PurchaseHistoryReader } from "./purchase-history.js";

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

/**
 * A loyalty model's functions of whole-day counts, remembered per model object: the recency, frequency and tenure
 * percentiles (days since the last purchase, purchase days, days since the first), their fallback-score powers and
 * the BG/NBD score's repeat-purchases term.
 * Every customer's counts fall among a few thousand values, so each percentile search and power runs once per value
 * instead of once per customer; each entry is computed by the expression it replaces, so scores are unchanged.
 */
interface LoyaltyTables {
  readonly recency: WholeNumberTable;
  readonly frequency: WholeNumberTable;
  readonly tenure: WholeNumberTable;
  readonly recencyFactor: WholeNumberTable;
  readonly frequencyFactor: WholeNumberTable;
  readonly tenureFactor: WholeNumberTable;
  readonly repeatsFactor: WholeNumberTable;
}

// Models are immutable plain data; a JSON round trip makes a new object, whose tables fill with the same values.
const modelTables = new WeakMap<LoyaltyParams, LoyaltyTables>();

function tablesOf(params: LoyaltyParams): LoyaltyTables {
  let tables = modelTables.get(params);
  if (tables === undefined) {
    const recency = new WholeNumberTable((days) => 1 - percentileFromGrid(params.recencyDays, days));
    const frequency = new WholeNumberTable((purchaseDays) => percentileFromGrid(params.purchaseDays, purchaseDays));
    const tenure = new WholeNumberTable((days) => percentileFromGrid(params.tenureDays, days));
    tables = {
      recency,
      frequency,
      tenure,
      recencyFactor: new WholeNumberTable((days) => Math.pow(floored(recency.of(days)), FALLBACK_EXPONENTS.recency)),
      frequencyFactor: new WholeNumberTable((purchaseDays) => Math.pow(floored(frequency.of(purchaseDays)), FALLBACK_EXPONENTS.frequency)),
      tenureFactor: new WholeNumberTable((days) => Math.pow(floored(tenure.of(days)), FALLBACK_EXPONENTS.tenure)),
      repeatsFactor: new WholeNumberTable((repeats) => Math.pow(saturate(repeats, params.repeatPurchasesScale), LOYALTY_EXPONENTS.repeats)),
    };
    modelTables.set(params, tables);
  }
  return tables;
}

function finiteOr0(value: number): number {
  return Number.isFinite(value) ? value : 0;
}

// One reader serves every call (read at once, never kept): see PurchaseHistoryReader for why not a new object each.
const scoringHistory = new PurchaseHistoryReader();

// Confidence grows with purchase occasions: one purchase says little about a habit, ten say a lot.
const CONFIDENCE_PRIOR = 2;

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
  const returned = profile.purchases.returned;
  const history = scoringHistory;
  const bought = history.read(profile, asOfDay);
  const { spend } = history;
  // Evidence objects are written out in full, one literal per case: spreads of partial objects cost more than the
  // rest of the score (and their key order is the output's).
  if (!bought) {
    return {
      score: 0,
      confidence: 0,
      evidence: { purchaseDays: 0, returned, spend, recencyPercentile: 0, frequencyPercentile: 0, monetaryPercentile: 0, tenurePercentile: 0 },
    };
  }
  const { frequency, daysSinceLastPurchase, tenureDays } = history;
  const purchaseDays = frequency + 1;
  const tables = tablesOf(params);
  const recencyPercentile = tables.recency.of(daysSinceLastPurchase);
  const frequencyPercentile = tables.frequency.of(purchaseDays);
  const monetaryPercentile = percentileFromGrid(params.spendPerDay, spend / purchaseDays);
  const tenurePercentile = tables.tenure.of(tenureDays);
  const confidence = purchaseDays / (purchaseDays + CONFIDENCE_PRIOR);
  if (params.method === "bg-nbd" && params.bgNbd !== undefined) {
    const alive = probabilityAlive(params.bgNbd, frequency, history.recency, history.T);
    const expected = expectedPurchasesOrNaN(params.bgNbd, params.horizonWeeks, frequency, history.recency, history.T);
    const value = params.gammaGamma === undefined ? undefined : expected * expectedSpend(params.gammaGamma, frequency, history.monetaryValue);
    const score =
      alive *
      tables.repeatsFactor.of(frequency) *
      Math.pow(saturate(expected, params.expectedPurchasesScale), LOYALTY_EXPONENTS.purchases + (value === undefined ? LOYALTY_EXPONENTS.value : 0)) *
      (value === undefined ? 1 : Math.pow(saturate(value, params.expectedValueScale), LOYALTY_EXPONENTS.value));
    return {
      score: Number.isFinite(score) ? score : 0,
      confidence,
      evidence: {
        purchaseDays,
        returned,
        spend,
        daysSinceLastPurchase,
        tenureDays,
        probabilityAlive: finiteOr0(alive),
        expectedPurchases: finiteOr0(expected),
        horizonWeeks: params.horizonWeeks,
        expectedValue: value === undefined ? undefined : finiteOr0(value),
        recencyPercentile,
        frequencyPercentile,
        monetaryPercentile,
        tenurePercentile,
      },
    };
  }
  const score =
    tables.recencyFactor.of(daysSinceLastPurchase) *
    tables.frequencyFactor.of(purchaseDays) *
    Math.pow(floored(monetaryPercentile), FALLBACK_EXPONENTS.monetary) *
    tables.tenureFactor.of(tenureDays);
  return {
    score,
    confidence,
    evidence: { purchaseDays, returned, spend, daysSinceLastPurchase, tenureDays, recencyPercentile, frequencyPercentile, monetaryPercentile, tenurePercentile },
  };
}
