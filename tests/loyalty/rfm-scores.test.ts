import { describe, expect, it } from "vitest";
import { BtydError, rfmScores, rfmSummary } from "../../src/loyalty/btyd/index.js";
import { lacks } from "../fixtures/data-location.js";
import { cdnowSampleTransactions, cdnowSummaryWithSpend } from "./cdnow.js";

describe("rfmScores", () => {
  it("scores 5 for the most recent, most frequent, highest spending and 1 for the least", () => {
    const summaries = [1, 2, 3, 4, 5].map((i) => ({
      customerId: `c${i}`,
      frequency: i,
      recency: 10 * i, // later last purchase = more recent
      T: 60,
      monetaryValue: 100 * i,
    }));
    expect(rfmScores(summaries).map((s) => s.code)).toEqual(["111", "222", "333", "444", "555"]);
  });

  it.skipIf(lacks("cdnow"))("gives tied values the same bin (mean rank), so a large tie block is never split", () => {
    const cdnow = cdnowSummaryWithSpend();
    const scores = rfmScores(cdnow, { bins: 5 });
    const byFrequency = new Map<number, Set<number>>();
    cdnow.forEach((c, i) => {
      const set = byFrequency.get(c.frequency) ?? new Set<number>();
      set.add(scores[i]!.frequencyScore);
      byFrequency.set(c.frequency, set);
    });
    for (const set of byFrequency.values()) expect(set.size).toBe(1);
    // 1,411 of 2,357 have frequency 0: their mean rank (0.30) puts them all in bin 2, leaving bin 1 empty.
    expect(byFrequency.get(0)).toEqual(new Set([2]));
    for (const s of scores) {
      expect(s.code).toMatch(/^[1-5]{3}$/);
      expect(s.code).toBe(`${s.recencyScore}${s.frequencyScore}${s.monetaryScore}`);
    }
  });

  it.skipIf(lacks("cdnow"))("works end to end from transactions and validates bins", () => {
    const summaries = rfmSummary(cdnowSampleTransactions(), { asOf: new Date("1998-06-30T00:00:00Z"), unit: "days" });
    const codes = rfmScores(summaries, { bins: 3 });
    expect(codes).toHaveLength(2357);
    expect(new Set(codes.map((c) => c.recencyScore))).toEqual(new Set([1, 2, 3]));
    expect(() => rfmScores(summaries, { bins: 1 })).toThrow(BtydError);
    expect(() => rfmScores(summaries, { bins: 10 })).toThrow(BtydError);
    expect(rfmScores([])).toEqual([]);
  });
});
