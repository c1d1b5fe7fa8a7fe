import { quantileRankSorted } from "simple-statistics";
import { BtydError } from "./errors.js";
import type * as z from "zod";
import { rfmScoreOptionsSchema } from "../../schema/model-options.js";
import { parseOptions } from "../../schema/parse-options.js";

/** Hughes RFM scores: 5 (with bins = 5) is the most recent / most frequent / highest spending bin, 1 the least. */
export interface RfmScore {
  readonly customerId: string;
  readonly recencyScore: number;
  readonly frequencyScore: number;
  readonly monetaryScore: number;
  /** The three digits concatenated, e.g. "555" … "111". */
  readonly code: string;
}

/** The summary fields the scores read. All summaries must share one observation end for recency to compare. */
export interface RfmScoreInput {
  readonly customerId: string;
  readonly frequency: number;
  readonly recency: number;
  readonly T: number;
  readonly monetaryValue: number;
}

export type RfmScoreOptions = z.input<typeof rfmScoreOptionsSchema>;

/**
 * Hughes-style RFM codes by quantile binning. Recency is the time since the last purchase (T − recency; less is
 * better), frequency the repeat purchase count, monetary the mean repeat spend.
 *
 * Binning: each dimension is sorted once; a value's score is ⌈bins · q⌉ where q is its quantile rank from
 * simple-statistics' `quantileRankSorted`, which gives tied values their mean rank. So equal values always share a
 * bin, and a large tie block (e.g. the many customers with frequency 0) lands in the bin of its middle rank, which
 * can leave lower bins empty rather than splitting identical customers arbitrarily.
 *
 * Returns the scores in input order.
 *
 * @example
 * rfmScores(summaries, { bins: 5 })[0]; //=> e.g. { customerId: "1", recencyScore: 5, frequencyScore: 4, monetaryScore: 3, code: "543" }
 */
export function rfmScores(summaries: ReadonlyArray<RfmScoreInput>, options: RfmScoreOptions = {}): RfmScore[] {
  parseOptions(rfmScoreOptionsSchema, options, "rfmScores");
  const bins = options.bins ?? 5;
  if (!(Number.isInteger(bins) && bins >= 2 && bins <= 9)) {
    throw new BtydError("INVALID_INPUT", `bins must be an integer from 2 to 9, got ${bins}`);
  }
  const recency: number[] = [];
  const frequency: number[] = [];
  const monetary: number[] = [];
  for (const s of summaries) {
    if (![s.frequency, s.recency, s.T, s.monetaryValue].every(Number.isFinite)) {
      throw new BtydError("INVALID_INPUT", `customer ${s.customerId}: frequency, recency, T and monetaryValue must be finite`);
    }
    // Negated time since the last purchase, so larger is better in every dimension.
    recency.push(s.recency - s.T);
    frequency.push(s.frequency);
    monetary.push(s.monetaryValue);
  }
  const score = binner(recency, bins);
  const scoreF = binner(frequency, bins);
  const scoreM = binner(monetary, bins);
  return summaries.map((s, i) => {
    const r = score(recency[i]!);
    const f = scoreF(frequency[i]!);
    const m = scoreM(monetary[i]!);
    return { customerId: s.customerId, recencyScore: r, frequencyScore: f, monetaryScore: m, code: `${r}${f}${m}` };
  });
}

/** Sorts once, then scores by binary search (quantileRankSorted); never re-sorts per value. */
function binner(values: readonly number[], bins: number): (v: number) => number {
  const sorted = Float64Array.from(values).sort();
  const list = Array.from(sorted);
  return (v) => Math.min(bins, Math.max(1, Math.ceil(bins * quantileRankSorted(list, v) - 1e-9)));
}
