import { beforeAll, describe, expect, it } from "vitest";
import {
  BtydError,
  customerLifetimeValue,
  expectedSpend,
  fitBgNbd,
  fitGammaGamma,
} from "../../src/loyalty/btyd/index.js";
import { lacks } from "../fixtures/data-location.js";
import { cdnowSummaryWithSpend, publishedTolerance } from "./cdnow.js";

let customers: ReturnType<typeof cdnowSummaryWithSpend>;
let fit: ReturnType<typeof fitGammaGamma>;

describe.skipIf(lacks("cdnow"))("fitGammaGamma on CDNOW (Fader, Hardie & Lee 2005, RFM and CLV)", () => {
  beforeAll(() => {
    customers = cdnowSummaryWithSpend();
    fit = fitGammaGamma(customers);
  });

  it("reproduces the published p = 6.25, q = 3.74, γ = 15.44 over the 946 repeat customers", () => {
    expect(fit.converged).toBe(true);
    expect(fit.customers).toBe(946);
    // Two published decimals: q = 3.74 is only known to ±0.005, coarser than 1e-3 relative.
    expect(Math.abs(fit.p - 6.25)).toBeLessThanOrEqual(publishedTolerance(6.25, 2));
    expect(Math.abs(fit.q - 3.74)).toBeLessThanOrEqual(publishedTolerance(3.74, 2));
    expect(Math.abs(fit.gamma - 15.44)).toBeLessThanOrEqual(publishedTolerance(15.44, 2));
    expect(Number.isFinite(fit.logLikelihood)).toBe(true);
  });

  it("reproduces lifetimes' documented conditional_expected_average_profit for customers 1–10", () => {
    const documented = [24.658619, 18.911489, 35.170981, 35.170981, 35.170981, 71.462843, 18.911489, 35.170981, 27.282408, 35.170981];
    customers.slice(0, 10).forEach((c, i) => {
      expect(expectedSpend(fit, c.frequency, c.monetaryValue)).toBeCloseTo(documented[i]!, 4);
    });
  });

  it("reproduces lifetimes' documented customer_lifetime_value (time = 12, discount_rate = 0.01)", () => {
    // lifetimes' docs example passes weekly data with its default freq="D" (30-unit months): unit "days" here.
    const bgNbd = fitBgNbd(customers, { standardErrors: false });
    const documented = [140.096211, 18.943467, 38.180574, 38.180574, 38.180574, 1003.868107, 28.109683, 38.180574, 167.41822, 38.180574];
    customers.slice(0, 10).forEach((c, i) => {
      const clv = customerLifetimeValue(bgNbd, fit, c, { unit: "days", months: 12, discountRate: 0.01 });
      expect(clv / documented[i]!).toBeCloseTo(1, 5);
    });
    // With the unit right (weeks), a month is 4.345 weeks: far less than 30-week "months".
    const weekly = customerLifetimeValue(bgNbd, fit, customers[0]!, { unit: "weeks" });
    expect(weekly).toBeGreaterThan(0);
    expect(weekly).toBeLessThan(140.096211);
    expect(customerLifetimeValue(bgNbd, fit, customers[0]!, { unit: "weeks", months: 0 })).toBe(0);
  });

  it("ignores zero-spend repeat customers and refuses degenerate populations", () => {
    const withZero = [...customers, { customerId: "z", frequency: 3, recency: 5, T: 30, monetaryValue: 0 }];
    expect(fitGammaGamma(withZero).customers).toBe(946);
    expect(() => fitGammaGamma(customers.filter((c) => c.frequency === 0))).toThrow(BtydError);
    expect(() => fitGammaGamma([{ frequency: 2, monetaryValue: 10 }])).toThrow(/at least 2/);
    expect(() => fitGammaGamma([{ frequency: 2, monetaryValue: -1 }])).toThrow(BtydError);
  });

  it("refuses an expected spend the model leaves infinite (q ≤ 1)", () => {
    expect(() => expectedSpend({ p: 2, q: 0.9, gamma: 10 }, 2, 20)).toThrow(/infinite/);
    expect(expectedSpend(fit, 0, 0)).toBeCloseTo((fit.gamma * fit.p) / (fit.q - 1), 10);
  });
});
