import { median } from "simple-statistics";
import type { CustomerProfile } from "../profile/customer-profile.js";
import { inHashSample } from "../stats/hash-sample.js";
import { quantileGrid } from "../stats/percentile-grid.js";
import { fitBgNbd, expectedPurchasesOrNaN, type BgNbdParams } from "./btyd/bg-nbd.js";
import { BtydError } from "./btyd/errors.js";
import { expectedSpend, fitGammaGamma, type GammaGammaParams } from "./btyd/gamma-gamma.js";
import type { LoyaltyParams } from "./loyalty-params.js";
import { purchaseHistory, type PurchaseHistory } from "./purchase-history.js";

/** Default horizon of expected purchases: a year. */
export const DEFAULT_HORIZON_WEEKS = 52;
/**
 * Least population to fit BG/NBD on. With a handful of customers the likelihood is flat or unbounded and the
 * optimiser "converges" to degenerate parameters (seen: a = 7e4, b = 1e-5 from two customers).
 */
export const MIN_BUYERS_TO_FIT = 30;
export const MIN_REPEAT_BUYERS_TO_FIT = 5;
/** Fitted parameters outside this range mean the data did not identify the model. */
const SANE_PARAMETER = { min: 1e-6, max: 1e6 };

function sane(...parameters: number[]): boolean {
  return parameters.every((value) => Number.isFinite(value) && value >= SANE_PARAMETER.min && value <= SANE_PARAMETER.max);
}

function tryFit<T>(fit: () => T): { value?: T; reason?: string } {
  try {
    return { value: fit() };
  } catch (error) {
    if (error instanceof BtydError) return { reason: error.message };
    throw error;
  }
}

function medianOrOne(values: number[]): number {
  const positive = values.filter((value) => value > 0 && Number.isFinite(value));
  return positive.length > 0 ? median(positive) : 1;
}

/**
 * Collects what the loyalty dimension's population parameters need, one profile at a time (see {@link fitLoyalty}),
 * holding a few numbers per buyer rather than their profiles, so a million customers can be fitted as they stream
 * past; `finish()` fits the models.
 *
 * @example
 * const fitter = new LoyaltyFitter(20634);
 * for (const profile of profiles.values()) fitter.add(profile);
 * fitter.finish().method; //=> "bg-nbd"
 */
export class LoyaltyFitter {
  private readonly buyers: string[] = [];
  private readonly frequency: number[] = [];
  private readonly recencyWeeks: number[] = [];
  private readonly tWeeks: number[] = [];
  private readonly repeatMonetary: number[] = [];
  private readonly recencyDays: number[] = [];
  private readonly purchaseDays: number[] = [];
  private readonly spendPerDay: number[] = [];
  private readonly tenureDays: number[] = [];

  constructor(
    private readonly asOfDay: number,
    private readonly horizonWeeks = DEFAULT_HORIZON_WEEKS,
  ) {}

  add(profile: CustomerProfile): void {
    const history = purchaseHistory(profile, this.asOfDay);
    if (history === undefined) return;
    this.buyers.push(profile.customerId);
    this.frequency.push(history.frequency);
    this.recencyWeeks.push(history.recency);
    this.tWeeks.push(history.T);
    this.repeatMonetary.push(history.monetaryValue);
    this.recencyDays.push(history.daysSinceLastPurchase);
    this.purchaseDays.push(history.frequency + 1);
    // Spend per purchase day up to "as of": repeat spend plus the first day's.
    const firstDaySpend = profile.purchases.daySpend[0] ?? 0;
    this.spendPerDay.push((history.monetaryValue * history.frequency + firstDaySpend) / (history.frequency + 1));
    this.tenureDays.push(history.tenureDays);
  }

  finish(): LoyaltyParams {
    const horizonWeeks = this.horizonWeeks;
    const grids = {
      recencyDays: quantileGrid(this.recencyDays),
      purchaseDays: quantileGrid(this.purchaseDays),
      spendPerDay: quantileGrid(this.spendPerDay),
      tenureDays: quantileGrid(this.tenureDays),
    };
    // The models are fitted on a deterministic sample of at most FIT_SAMPLE_SIZE buyers: past that, more customers
    // sharpen the parameters far below anything the score can show, and the fit's cost grows with every distinct
    // history. The quantile grids are over everyone.
    const population = this.buyers.length;
    const sample: PurchaseHistory[] = [];
    this.buyers.forEach((customerId, index) => {
      if (!inHashSample(customerId, population)) return;
      sample.push({
        frequency: this.frequency[index] as number,
        recency: this.recencyWeeks[index] as number,
        T: this.tWeeks[index] as number,
        monetaryValue: this.repeatMonetary[index] as number,
        tenureDays: this.tenureDays[index] as number,
        daysSinceLastPurchase: this.recencyDays[index] as number,
      });
    });
    const sampled = sample.length < population ? { fittedOn: sample.length } : {};
    const repeatBuyers = sample.filter((history) => history.frequency > 0).length;
    const tooFew =
      sample.length < MIN_BUYERS_TO_FIT || repeatBuyers < MIN_REPEAT_BUYERS_TO_FIT
        ? `too few buyers to fit BG/NBD (${sample.length} buyers, ${repeatBuyers} repeat buyers; need ${MIN_BUYERS_TO_FIT} and ${MIN_REPEAT_BUYERS_TO_FIT})`
        : undefined;
    const bg = tooFew === undefined ? tryFit(() => fitBgNbd(sample)) : { reason: tooFew };
    const bgFit = bg.value;
    if (bgFit === undefined || !bgFit.converged || !sane(bgFit.r, bgFit.alpha, bgFit.a, bgFit.b)) {
      return {
        method: "rfm-percentile",
        ...sampled,
        fallbackReason: bg.reason ?? (bgFit?.converged === false ? "BG/NBD did not converge" : "BG/NBD parameters are degenerate for this data"),
        unit: "weeks",
        horizonWeeks,
        repeatPurchasesScale: 1,
        expectedPurchasesScale: 1,
        expectedValueScale: 1,
        ...grids,
      };
    }
    const bgNbd: BgNbdParams = { r: bgFit.r, alpha: bgFit.alpha, a: bgFit.a, b: bgFit.b };
    const gg = tryFit(() => fitGammaGamma(sample.filter((history) => history.frequency > 0 && history.monetaryValue > 0)));
    const gammaGamma: GammaGammaParams | undefined =
      gg.value !== undefined && gg.value.converged && gg.value.q > 1 && sane(gg.value.p, gg.value.q, gg.value.gamma)
        ? { p: gg.value.p, q: gg.value.q, gamma: gg.value.gamma }
        : undefined;
    const repeaters = sample.filter((history) => history.frequency > 0);
    const expected = repeaters.map((history) => expectedPurchasesOrNaN(bgNbd, horizonWeeks, history.frequency, history.recency, history.T));
    const value =
      gammaGamma === undefined
        ? []
        : repeaters.map((history, index) => (expected[index] as number) * expectedSpend(gammaGamma, history.frequency, history.monetaryValue));
    return {
      method: "bg-nbd",
      ...sampled,
      unit: "weeks",
      horizonWeeks,
      bgNbd,
      gammaGamma,
      repeatPurchasesScale: medianOrOne(repeaters.map((history) => history.frequency)),
      expectedPurchasesScale: medianOrOne(expected),
      expectedValueScale: medianOrOne(value),
      ...grids,
    };
  }
}

/**
 * Fits the loyalty dimension's population parameters as of `asOfDay`: a BG/NBD model of repeat buying and a
 * Gamma-Gamma model of spend (lifetimes' conventions, weeks), plus the scales and quantile grids the score uses.
 * When BG/NBD cannot be fitted (fewer than two buyers, nobody repeats, no convergence) the parameters say so and
 * the score falls back to RFM percentiles; Gamma-Gamma is optional (it needs repeat buyers with positive spend).
 *
 * @example
 * const params = fitLoyalty(profileSet.profiles.values(), 20634);
 * params.method; //=> "bg-nbd"
 * params.bgNbd;  //=> { r: 0.24, alpha: 4.41, a: 0.79, b: 2.43 }
 */
export function fitLoyalty(profiles: Iterable<CustomerProfile>, asOfDay: number, horizonWeeks = DEFAULT_HORIZON_WEEKS): LoyaltyParams {
  const fitter = new LoyaltyFitter(asOfDay, horizonWeeks);
  for (const profile of profiles) fitter.add(profile);
  return fitter.finish();
}
