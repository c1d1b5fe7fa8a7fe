/** Population parameters of the loyalty dimension, as stored in the model: quantile grids of the buyers' RFM-T values. */
export interface LoyaltyParams {
  /** Days since the last purchase, among buyers. */
  readonly recencyDays: number[];
  /** Distinct purchase days per buyer. */
  readonly purchaseDays: number[];
  /** Mean spend per purchase day, among buyers. */
  readonly spendPerDay: number[];
  /** Days since the first purchase, among buyers. */
  readonly tenureDays: number[];
}

/** What the loyalty score of one customer rests on. */
export interface LoyaltyEvidence {
  readonly purchaseDays: number;
  readonly orders: number;
  readonly returned: number;
  readonly spend: number;
  readonly daysSinceLastPurchase?: number | undefined;
  readonly tenureDays?: number | undefined;
  /** Percentiles (0..1) among the population's buyers; recency is "recent = high". */
  readonly recencyPercentile: number;
  readonly frequencyPercentile: number;
  readonly monetaryPercentile: number;
  readonly tenurePercentile: number;
}
