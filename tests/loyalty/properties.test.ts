import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  expectedPurchases,
  paretoExpectedPurchases,
  paretoProbabilityAlive,
  probabilityAlive,
  rfmScores,
} from "../../src/loyalty/btyd/index.js";

const positive = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

/** A valid history: integer x, 0 ≤ tₓ ≤ T (tₓ = 0 when x = 0). */
const history = fc
  .tuple(fc.integer({ min: 0, max: 300 }), positive(0, 1), positive(0, 2000))
  .map(([x, share, T]) => ({ x, tx: x === 0 ? 0 : share * T, T }));

const bgParams = fc.record({ r: positive(0.01, 50), alpha: positive(0.01, 500), a: positive(0.01, 50), b: positive(0.01, 50) });
const paretoParams = fc.record({
  r: positive(0.01, 20),
  alpha: positive(0.1, 200),
  s: positive(0.01, 20),
  beta: positive(0.1, 200),
});

describe("BTYD invariants (fast-check, 100 runs each)", () => {
  it("BG/NBD: P(alive) ∈ [0, 1]; expected purchases finite, ≥ 0 and non-decreasing in t", () => {
    fc.assert(
      fc.property(bgParams, history, positive(0, 1000), (p, h, t) => {
        const alive = probabilityAlive(p, h.x, h.tx, h.T);
        const e = expectedPurchases(p, t, h.x, h.tx, h.T);
        const later = expectedPurchases(p, t * 2 + 1, h.x, h.tx, h.T);
        expect(alive).toBeGreaterThanOrEqual(0);
        expect(alive).toBeLessThanOrEqual(1);
        expect(Number.isFinite(e) && e >= 0).toBe(true);
        expect(later).toBeGreaterThanOrEqual(e * (1 - 1e-9) - 1e-12);
      }),
      { numRuns: 100, seed: 7 },
    );
  });

  it("Pareto/NBD: P(alive) ∈ [0, 1]; expected purchases finite and ≥ 0", () => {
    fc.assert(
      fc.property(paretoParams, history, positive(0, 500), (p, h, t) => {
        const T = Math.min(h.T, 500);
        const tx = Math.min(h.tx, T);
        const x = Math.min(h.x, 100);
        const alive = paretoProbabilityAlive(p, x, x === 0 ? 0 : tx, T);
        const e = paretoExpectedPurchases(p, t, x, x === 0 ? 0 : tx, T);
        expect(alive).toBeGreaterThanOrEqual(0);
        expect(alive).toBeLessThanOrEqual(1);
        expect(Number.isFinite(e) && e >= 0).toBe(true);
      }),
      { numRuns: 100, seed: 11 },
    );
  });

  it("RFM codes are in range and equal inputs get equal codes", () => {
    const summary = fc
      .tuple(fc.integer({ min: 0, max: 10 }), positive(0, 1), positive(0, 100), fc.integer({ min: 0, max: 500 }))
      .map(([frequency, share, T, spend]) => ({ frequency, recency: frequency === 0 ? 0 : share * T, T, monetaryValue: spend }));
    fc.assert(
      fc.property(fc.array(summary, { minLength: 1, maxLength: 60 }), fc.integer({ min: 2, max: 9 }), (rows, bins) => {
        const withIds = [...rows, rows[0]!].map((r, i) => ({ ...r, customerId: String(i) }));
        const scores = rfmScores(withIds, { bins });
        for (const s of scores) {
          for (const v of [s.recencyScore, s.frequencyScore, s.monetaryScore]) {
            expect(Number.isInteger(v) && v >= 1 && v <= bins).toBe(true);
          }
        }
        expect(scores.at(-1)!.code).toBe(scores[0]!.code);
      }),
      { numRuns: 100, seed: 13 },
    );
  });
});
