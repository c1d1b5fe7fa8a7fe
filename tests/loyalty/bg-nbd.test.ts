import { beforeAll, describe, expect, it } from "vitest";
import {
  BtydError,
  bgNbdLogLikelihood,
  expectedPurchases,
  expectedPurchasesUnconditional,
  fitBgNbd,
  probabilityAlive,
  simulateBgNbd,
  type BgNbdParams,
} from "../../src/loyalty/btyd/index.js";
import { lacks } from "../fixtures/data-location.js";
import { cdnowSummary, publishedTolerance } from "./cdnow.js";

let cdnow: ReturnType<typeof cdnowSummary>;
let fit: ReturnType<typeof fitBgNbd>;
/** Fader, Hardie & Lee (2005), "Counting your customers the easy way", CDNOW 1/10 sample, weeks. */
const PUBLISHED: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe.skipIf(lacks("cdnow"))("fitBgNbd on CDNOW (Fader, Hardie & Lee 2005)", () => {
  beforeAll(() => {
    cdnow = cdnowSummary();
    fit = fitBgNbd(cdnow);
  });

  it("reproduces the published parameters and log-likelihood", () => {
    expect(fit.converged).toBe(true);
    // r = 0.243 is published to ±0.0005, coarser than 1e-3 relative, so r is compared at that absolute precision.
    for (const key of ["r", "alpha", "a", "b"] as const) {
      expect(Math.abs(fit[key] - PUBLISHED[key]), key).toBeLessThanOrEqual(publishedTolerance(PUBLISHED[key], 3));
    }
    expect(Math.abs(fit.logLikelihood - -9582.4)).toBeLessThanOrEqual(publishedTolerance(-9582.4, 1));
  });

  it("matches lifetimes' documented CDNOW fit and standard errors (BetaGeoFitter.summary)", () => {
    // lifetimes docs: r 0.242593 (se 0.012557), alpha 4.413532 (0.378221), a 0.792886 (0.185719), b 2.425752 (0.705345)
    expect(fit.r).toBeCloseTo(0.242593, 5);
    expect(fit.alpha).toBeCloseTo(4.413532, 4);
    expect(fit.a).toBeCloseTo(0.792886, 5);
    expect(fit.b).toBeCloseTo(2.425752, 4);
    const se = fit.standardErrors!;
    expect(se.r).toBeCloseTo(0.012557, 5);
    expect(se.alpha).toBeCloseTo(0.378221, 4);
    expect(se.a).toBeCloseTo(0.185719, 4);
    expect(se.b).toBeCloseTo(0.705345, 4);
  });

  it("reproduces lifetimes' documented top predicted purchases for t = 1 week", () => {
    // lifetimes Quickstart: customers 157 (29, 37.71, 38.00) → 0.662396 and 1516 (26, 30.86, 31.00) → 0.710623.
    expect(expectedPurchases(fit, 1, 29, 37.71, 38.0)).toBeCloseTo(0.662396, 5);
    expect(expectedPurchases(fit, 1, 26, 30.86, 31.0)).toBeCloseTo(0.710623, 5);
    expect(expectedPurchases(fit, 1, 18, 35.14, 35.86)).toBeCloseTo(0.424877, 5);
  });

  it("matches lifetimes' formulas evaluated with SciPy 1.17 at the published parameters", () => {
    // [x, t_x, T, P(alive), E[X(39)], E[X(520)]] from a transcription of lifetimes' BetaGeoFitter methods.
    const cases = [
      [0, 0, 38.86, 1, 0.19509805201125396, 1.4645477714482162],
      [2, 30.43, 38.86, 0.726578570080673, 1.226028174767135, 7.319313811711086],
      [1, 1.71, 38.86, 0.2121009853773791, 0.20318698707975183, 1.3074184508243536],
      [29, 37.71, 38.0, 0.9691295181593396, 20.052948986498027, 100.27920726930012],
      [5, 10.0, 38.0, 0.02748157966307605, 0.10637639490372618, 0.5768340735962214],
    ] as const;
    for (const [x, tx, T, alive, e39, e520] of cases) {
      expect(probabilityAlive(PUBLISHED, x, tx, T)).toBeCloseTo(alive, 12);
      expect(expectedPurchases(PUBLISHED, 39, x, tx, T) / e39).toBeCloseTo(1, 10);
      expect(expectedPurchases(PUBLISHED, 520, x, tx, T) / e520).toBeCloseTo(1, 10);
    }
    expect(expectedPurchasesUnconditional(PUBLISHED, 39)).toBeCloseTo(1.1967231933207985, 10);
    expect(expectedPurchasesUnconditional(PUBLISHED, 520)).toBeCloseTo(4.974617861849564, 10);
    // a > 1, and a + b < 1 (where lifetimes' own log(hyp2f1) formula gives NaN).
    expect(expectedPurchases({ r: 0.5, alpha: 3, a: 2.5, b: 4 }, 52, 3, 20, 30)).toBeCloseTo(1.159474053903991, 10);
    expect(expectedPurchasesUnconditional({ r: 0.5, alpha: 3, a: 2.5, b: 4 }, 52)).toBeCloseTo(1.9399166417256866, 10);
    expect(expectedPurchasesUnconditional({ r: 0.5, alpha: 3, a: 0.3, b: 0.4 }, 52)).toBeCloseTo(3.3244940982309354, 10);
  });

  it("is continuous through a = 1 and stays finite for extreme histories and horizons", () => {
    const base = { r: 0.3, alpha: 5, b: 2 };
    const at = (a: number) => expectedPurchases({ ...base, a }, 40, 3, 20, 35);
    expect(at(1)).toBeCloseTo((at(1 + 1e-4) + at(1 - 1e-4)) / 2, 7);
    expect(Number.isFinite(expectedPurchases(PUBLISHED, 52, 2000, 700, 730))).toBe(true);
    const far = expectedPurchases(PUBLISHED, 1e7, 2, 30.43, 38.86);
    expect(far).toBeGreaterThan(expectedPurchases(PUBLISHED, 1e5, 2, 30.43, 38.86));
    expect(Number.isFinite(far)).toBe(true);
    expect(Number.isFinite(expectedPurchasesUnconditional({ ...base, a: 1 }, 1e6))).toBe(true);
    expect(expectedPurchases(PUBLISHED, 0, 2, 30.43, 38.86)).toBe(0);
  });

  it("log-likelihood agrees with the fit and the penalizer shrinks parameters", () => {
    expect(bgNbdLogLikelihood(fit, cdnow)).toBeCloseTo(fit.logLikelihood, 8);
    const shrunk = fitBgNbd(cdnow, { penalizer: 0.1, standardErrors: false });
    expect(shrunk.b).toBeLessThan(fit.b);
    expect(shrunk.logLikelihood).toBeLessThan(fit.logLikelihood);
  });

  it("weights are equivalent to repeated rows", () => {
    const small = cdnow.slice(0, 300);
    const doubled = fitBgNbd([...small, ...small], { standardErrors: false });
    const weighted = fitBgNbd(small.map((s) => ({ ...s, weight: 2 })), { standardErrors: false });
    expect(weighted.r).toBeCloseTo(doubled.r, 8);
    expect(weighted.logLikelihood).toBeCloseTo(doubled.logLikelihood, 6);
  });
});

describe("fitBgNbd on simulated data", () => {
  it("recovers known parameters within sampling error (seeded, 20,000 customers)", () => {
    const truth: BgNbdParams = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };
    const histories = simulateBgNbd(truth, { customers: 20_000, T: (i) => 27 + (i % 85) / 7, seed: 20240311 });
    const refit = fitBgNbd(histories);
    expect(refit.converged).toBe(true);
    for (const key of ["r", "alpha", "a", "b"] as const) {
      // Four standard errors: a failure here means bias, not bad luck.
      expect(Math.abs(refit[key] - truth[key]), key).toBeLessThan(4 * refit.standardErrors![key]);
    }
  });
});

describe("BG/NBD degenerate inputs", () => {
  it("throws typed errors instead of returning NaN", () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return error instanceof BtydError ? error.code : "other";
      }
      return "none";
    };
    expect(code(() => fitBgNbd([]))).toBe("INSUFFICIENT_DATA");
    expect(code(() => fitBgNbd([{ frequency: 2, recency: 3, T: 5 }]))).toBe("INSUFFICIENT_DATA");
    expect(code(() => fitBgNbd([{ frequency: 0, recency: 0, T: 5 }, { frequency: 0, recency: 0, T: 9 }]))).toBe(
      "NO_REPEAT_CUSTOMERS",
    );
    expect(code(() => fitBgNbd([{ frequency: 0, recency: 0, T: 0 }, { frequency: 0, recency: 0, T: 0 }]))).toBe(
      "INSUFFICIENT_DATA",
    );
    expect(code(() => fitBgNbd([{ frequency: 1, recency: 6, T: 5 }, { frequency: 0, recency: 0, T: 5 }]))).toBe(
      "INVALID_INPUT",
    );
    expect(code(() => fitBgNbd([{ frequency: 1.5, recency: 1, T: 5 }, { frequency: 0, recency: 0, T: 5 }]))).toBe(
      "INVALID_INPUT",
    );
    expect(code(() => probabilityAlive({ ...PUBLISHED, a: Number.NaN }, 1, 1, 2))).toBe("INVALID_INPUT");
    expect(code(() => expectedPurchases(PUBLISHED, -1, 1, 1, 2))).toBe("INVALID_INPUT");
  });

  it("fits a tiny population with finite numbers", () => {
    const tiny = fitBgNbd(
      [
        { frequency: 0, recency: 0, T: 10 },
        { frequency: 1, recency: 4, T: 10 },
        { frequency: 3, recency: 9, T: 12 },
      ],
      { standardErrors: true },
    );
    for (const v of [tiny.r, tiny.alpha, tiny.a, tiny.b, tiny.logLikelihood]) expect(Number.isFinite(v)).toBe(true);
  });
});
