/** One dimension's verdict on a customer: a 0..1 score, how sure it is (0..1), and what it rests on. */
export interface DimensionScore<Evidence> {
  readonly score: number;
  readonly confidence: number;
  readonly evidence: Evidence;
}
