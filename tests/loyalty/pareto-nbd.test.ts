import { beforeAll, describe, expect, it } from "vitest";
import {
  BtydError,
  fitParetoNbd,
  paretoExpectedPurchases,
  paretoExpectedPurchasesUnconditional,
  paretoNbdLogLikelihood,
  paretoProbabilityAlive,
  type ParetoNbdParams,
} from "../../src/loyalty/btyd/index.js";
import { lacks } from "../fixtures/data-location.js";
import { cdnowSummary, publishedTolerance } from "./cdnow.js";

/** Fader, Hardie & Lee (2005) report the Pareto/NBD on the same CDNOW sample: LL −9595.0. */
const PUBLISHED: ParetoNbdParams = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };

describe.skipIf(lacks("cdnow"))("fitParetoNbd on CDNOW", () => {
  let cdnow: ReturnType<typeof cdnowSummary>;
  let fit: ReturnType<typeof fitParetoNbd>;
  beforeAll(() => {
    cdnow = cdnowSummary();
    fit = fitParetoNbd(cdnow);
  });

  it("reproduces r = 0.553, α = 10.578, s = 0.606, β = 11.669, LL = −9595.0", () => {
    expect(fit.converged).toBe(true);
    for (const key of ["r", "alpha", "s", "beta"] as const) {
      expect(Math.abs(fit[key] - PUBLISHED[key]), key).toBeLessThanOrEqual(publishedTolerance(PUBLISHED[key], 3));
    }
    expect(Math.abs(fit.logLikelihood - -9595.0)).toBeLessThanOrEqual(publishedTolerance(-9595.0, 1));
    // The fit is a maximum: the published (rounded) point is no better.
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(paretoNbdLogLikelihood(PUBLISHED, cdnow) - 1e-6);
  });

  it("matches lifetimes' formulas evaluated with SciPy 1.17 at the published parameters", () => {
    // [x, t_x, T, P(alive), E[X(39)]] from a transcription of lifetimes' ParetoNBDFitter methods.
    const cases = [
      [0, 0, 38.86, 0.29528660461689443, 0.10708146821530892],
      [2, 30.43, 38.86, 0.8691675591530111, 1.4551231932576019],
      [1, 1.71, 38.86, 0.16800232672434479, 0.1710929805537828],
      [29, 37.71, 38.0, 0.9961260449723084, 19.59577017410054],
      [5, 10.0, 38.0, 0.051753818012376634, 0.19130068972245837],
    ] as const;
    for (const [x, tx, T, alive, e39] of cases) {
      expect(paretoProbabilityAlive(PUBLISHED, x, tx, T)).toBeCloseTo(alive, 10);
      expect(paretoExpectedPurchases(PUBLISHED, 39, x, tx, T) / e39).toBeCloseTo(1, 9);
    }
  });

  it("handles s = 1, α = β and tₓ = T without NaN", () => {
    const p = { r: 0.5, alpha: 10, s: 1, beta: 10 };
    for (const v of [
      paretoExpectedPurchases(p, 52, 3, 20, 20),
      paretoProbabilityAlive(p, 3, 20, 20),
      paretoExpectedPurchasesUnconditional(p, 52),
      paretoExpectedPurchases({ ...p, s: 1 + 1e-12 }, 52, 3, 20, 30),
    ]) {
      expect(Number.isFinite(v)).toBe(true);
    }
    expect(paretoProbabilityAlive(p, 3, 20, 20)).toBe(1);
    expect(paretoExpectedPurchasesUnconditional(p, 52)).toBeCloseTo(0.5 * Math.log(62 / 10), 12);
  });

  it("refuses degenerate populations with typed errors", () => {
    expect(() => fitParetoNbd([{ frequency: 1, recency: 1, T: 2 }])).toThrow(BtydError);
    expect(() => fitParetoNbd(cdnow.filter((c) => c.frequency === 0))).toThrow(/nobody made a repeat purchase/);
  });
});
