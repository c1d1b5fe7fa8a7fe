import { gammaln } from "simple-statistics";
import { BtydError } from "./errors.js";
import { invertPositiveDefinite, minimizeBfgs, numericHessian, type Objective } from "./optimize.js";
import { assertFittable, compressPatterns, validateHistory, type FrequencyRecencyT, type Patterns } from "./patterns.js";
import { hyp2f1 } from "./hyp2f1.js";
import { digamma } from "./special-functions.js";
import type * as z from "zod";
import { bgNbdFitOptionsSchema } from "../../schema/model-options.js";
import { parseOptions } from "../../schema/parse-options.js";

/** BG/NBD population parameters: purchase rates λ ~ Gamma(r, α); dropout after each repeat purchase p ~ Beta(a, b). */
export interface BgNbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

export interface BgNbdFit extends BgNbdParams {
  /** Total log-likelihood (in the data's time unit), without the penalty. */
  readonly logLikelihood: number;
  readonly converged: boolean;
  readonly iterations: number;
  /** Asymptotic standard errors from the observed information; absent when it is not positive definite. */
  readonly standardErrors?: BgNbdParams;
}

export type BgNbdFitOptions = z.input<typeof bgNbdFitOptionsSchema>;

/** |ln θ| beyond which a fit is running off to a degenerate "optimum" (parameters of e^±16.5 ≈ 10^±7). */
const DIVERGENCE_BOUND = 16.5;

/**
 * Fits the BG/NBD model (Fader, Hardie & Lee 2005) by maximum likelihood, as lifetimes' `BetaGeoFitter`:
 * log-parameters (so r, α, a, b stay positive) from all-ones, time rescaled so the largest T is 10 (α is scaled
 * back afterwards), identical histories compressed into weighted patterns, BFGS with the analytic gradient.
 *
 * Throws `BtydError` with code `INSUFFICIENT_DATA` (fewer than 2 customers, or no time observed) or
 * `NO_REPEAT_CUSTOMERS` (nobody repeats: no finite MLE). If the optimiser stops early the result has `converged: false`.
 *
 * @example
 * const fit = fitBgNbd(cdnowSummaries); // weeks
 * [fit.r, fit.alpha, fit.a, fit.b]; //=> ≈ [0.243, 4.414, 0.793, 2.426], fit.logLikelihood ≈ -9582.4
 */
export function fitBgNbd(histories: Iterable<FrequencyRecencyT>, options: BgNbdFitOptions = {}): BgNbdFit {
  parseOptions(bgNbdFitOptionsSchema, options, "fitBgNbd");
  const penalizer = options.penalizer ?? 0;
  if (!(Number.isFinite(penalizer) && penalizer >= 0)) throw new BtydError("INVALID_INPUT", "penalizer must be ≥ 0");
  const patterns = compressPatterns(histories);
  assertFittable(patterns, "BG/NBD");
  const scale = 10 / patterns.maxT;
  const objective = bgNbdObjective(patterns, scale, penalizer, true);
  const result = minimizeBfgs(objective, [0, 0, 0, 0], { maxIterations: options.maxIterations ?? 500, bound: DIVERGENCE_BOUND });
  const [r, alphaScaled, a, b] = Array.from(result.x, Math.exp) as [number, number, number, number];
  const params: BgNbdParams = { r, alpha: alphaScaled / scale, a, b };
  if (![params.r, params.alpha, params.a, params.b].every((v) => Number.isFinite(v) && v > 0)) {
    throw new BtydError("INSUFFICIENT_DATA", "BG/NBD: the likelihood has no finite maximum for these data");
  }
  const logLikelihood = bgNbdLogLikelihood(params, patterns);
  const fit: BgNbdFit = { ...params, logLikelihood, converged: result.converged, iterations: result.iterations };
  if (options.standardErrors === false) return fit;
  const standardErrors = bgNbdStandardErrors(params, patterns);
  return standardErrors === undefined ? fit : { ...fit, standardErrors };
}

/**
 * Total BG/NBD log-likelihood of histories (or compressed patterns) at `params`, in the histories' time unit.
 *
 * @example
 * bgNbdLogLikelihood({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, cdnowSummaries); //=> ≈ -9582.4
 */
export function bgNbdLogLikelihood(params: BgNbdParams, histories: Iterable<FrequencyRecencyT> | Patterns): number {
  const patterns = "distinctX" in histories ? histories : compressPatterns(histories);
  const theta = Float64Array.of(Math.log(params.r), Math.log(params.alpha), Math.log(params.a), Math.log(params.b));
  return -bgNbdObjective(patterns, 1, 0, false)(theta);
}

function bgNbdStandardErrors(params: BgNbdParams, patterns: Patterns): BgNbdParams | undefined {
  const theta = [Math.log(params.r), Math.log(params.alpha), Math.log(params.a), Math.log(params.b)];
  // Observed information of the total log-likelihood in log-parameters; at the optimum the delta method gives
  // se(θᵢ) = θᵢ · √[H⁻¹]ᵢᵢ for the natural parameters.
  const inverse = invertPositiveDefinite(numericHessian(bgNbdObjective(patterns, 1, 0, false), theta), 4);
  if (inverse === undefined) return undefined;
  const se = theta.map((t, i) => Math.exp(t) * Math.sqrt(inverse[i * 4 + i]!));
  if (!se.every(Number.isFinite)) return undefined;
  return { r: se[0]!, alpha: se[1]!, a: se[2]!, b: se[3]! };
}

/**
 * Negative log-likelihood in log-parameters (ln r, ln α, ln a, ln b) with time multiplied by `scale`; the mean
 * over customers plus the penalty when `mean`, else the total. Fills the analytic gradient when asked.
 */
function bgNbdObjective(patterns: Patterns, scale: number, penalizer: number, mean: boolean): Objective {
  const { x, tx, T, weight, xIndex, distinctX, totalWeight } = patterns;
  const nx = distinctX.length;
  // Per distinct x: log-gamma terms and their digamma derivatives.
  const lgR = new Float64Array(nx);
  const lgB = new Float64Array(nx);
  const dR = new Float64Array(nx);
  const dA = new Float64Array(nx);
  const dB = new Float64Array(nx);
  const lnBx1 = new Float64Array(nx);
  const divisor = mean ? totalWeight : 1;
  return (theta, gradient) => {
    const r = Math.exp(theta[0]!);
    const alpha = Math.exp(theta[1]!);
    const a = Math.exp(theta[2]!);
    const b = Math.exp(theta[3]!);
    if (![r, alpha, a, b].every((v) => v > 0 && Number.isFinite(v))) return Infinity;
    const lgr = gammaln(r);
    const lgab = gammaln(a + b);
    const lgb = gammaln(b);
    const psiR = gradient ? digamma(r) : 0;
    const psiAB = gradient ? digamma(a + b) : 0;
    const psiB = gradient ? digamma(b) : 0;
    for (let k = 0; k < nx; k++) {
      const xv = distinctX[k]!;
      lgR[k] = gammaln(r + xv) - lgr;
      lgB[k] = lgab + gammaln(b + xv) - lgb - gammaln(a + b + xv);
      lnBx1[k] = xv > 0 ? Math.log(b + xv - 1) : 0;
      if (gradient) {
        dR[k] = digamma(r + xv) - psiR;
        dA[k] = psiAB - digamma(a + b + xv);
        dB[k] = psiAB + digamma(b + xv) - psiB - digamma(a + b + xv);
      }
    }
    const lnAlpha = Math.log(alpha);
    const lnA = Math.log(a);
    let ll = 0;
    let gr = 0;
    let gAlpha = 0;
    let ga = 0;
    let gb = 0;
    for (let i = 0; i < x.length; i++) {
      const xi = x[i]!;
      const w = weight[i]!;
      const k = xIndex[i]!;
      const rx = r + xi;
      const alphaT = alpha + scale * T[i]!;
      const lnAlphaT = Math.log(alphaT);
      const a3 = -rx * lnAlphaT;
      let logSum = a3;
      let p4 = 0;
      let alphaTx = 1;
      let lnAlphaTx = 0;
      if (xi > 0) {
        alphaTx = alpha + scale * tx[i]!;
        lnAlphaTx = Math.log(alphaTx);
        const a4 = lnA - lnBx1[k]! - rx * lnAlphaTx;
        // log(e^a3 + e^a4) and the share of the "dropped out after the last purchase" branch.
        if (a3 >= a4) {
          const e = Math.exp(a4 - a3);
          logSum = a3 + Math.log1p(e);
          p4 = e / (1 + e);
        } else {
          const e = Math.exp(a3 - a4);
          logSum = a4 + Math.log1p(e);
          p4 = 1 / (1 + e);
        }
      }
      ll += w * (lgR[k]! + r * lnAlpha + lgB[k]! + logSum);
      if (gradient) {
        const p3 = 1 - p4;
        gr += w * (dR[k]! + lnAlpha - p3 * lnAlphaT - p4 * lnAlphaTx);
        gAlpha += w * (r / alpha - rx * (p3 / alphaT + (xi > 0 ? p4 / alphaTx : 0)));
        ga += w * (dA[k]! + p4 / a);
        gb += w * (dB[k]! - (xi > 0 ? p4 / (b + xi - 1) : 0));
      }
    }
    const penalty = penalizer * (r * r + alpha * alpha + a * a + b * b);
    if (gradient) {
      // Chain rule to log-parameters: ∂/∂ln θ = θ ∂/∂θ.
      gradient[0] = (-gr * r) / divisor + 2 * penalizer * r * r;
      gradient[1] = (-gAlpha * alpha) / divisor + 2 * penalizer * alpha * alpha;
      gradient[2] = (-ga * a) / divisor + 2 * penalizer * a * a;
      gradient[3] = (-gb * b) / divisor + 2 * penalizer * b * b;
    }
    return -ll / divisor + penalty;
  };
}

/**
 * Probability that a customer with history (x, tₓ, T) is still alive (lifetimes' `conditional_probability_alive`):
 * 1 / (1 + a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x)) for x > 0, and 1 for x = 0 (BG/NBD customers can only drop out
 * right after a repeat purchase).
 *
 * @example
 * probabilityAlive({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 2, 30.43, 38.86); //=> ≈ 0.727
 */
export function probabilityAlive(params: BgNbdParams, x: number, tx: number, T: number): number {
  assertParams(params);
  validateHistory(x, tx, T);
  if (x === 0) return 1;
  const { r, alpha, a, b } = params;
  const logOdds = (r + x) * Math.log((alpha + T) / (alpha + tx)) + Math.log(a / (b + x - 1));
  return 1 / (1 + Math.exp(logOdds));
}

/**
 * Expected number of repeat purchases in the next `t` time units for a customer with history (x, tₓ, T)
 * (Fader, Hardie & Lee 2005 eq. 10; lifetimes' `conditional_expected_number_of_purchases_up_to_time`).
 *
 * @example
 * expectedPurchases({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 39, 2, 30.43, 38.86); //=> ≈ 1.226
 */
export function expectedPurchases(params: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  const expected = expectedPurchasesOrNaN(params, t, x, tx, T);
  if (!Number.isFinite(expected)) throw new BtydError("UNDEFINED_EXPECTATION", "BG/NBD expectation overflowed for this horizon and these parameters");
  return expected;
}

/**
 * {@link expectedPurchases}, giving NaN where the expectation overflows double precision (a horizon of millennia,
 * or parameters at the edge of the sane range) instead of throwing: scoring and fitting treat NaN as "no
 * expectation" and never let it reach an output.
 *
 * @example
 * expectedPurchasesOrNaN({ r: 1, alpha: 1, a: 80, b: 150 }, 1e6, 1, 5, 10); //=> NaN
 */
export function expectedPurchasesOrNaN(params: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  assertParams(params);
  validateHistory(x, tx, T);
  assertHorizon(t);
  if (t === 0) return 0;
  const { r, alpha, a, b } = params;
  const numerator = expectationCore(r, alpha, a, b, x, T, t);
  if (!Number.isFinite(numerator)) return Number.NaN;
  if (x === 0) return numerator;
  const logOdds = Math.log(a / (b + x - 1)) + (r + x) * Math.log((alpha + T) / (alpha + tx));
  return numerator / (1 + Math.exp(logOdds)); // exp overflow gives Infinity and so 0: the customer is gone
}

/**
 * Expected number of repeat purchases in (0, t] for a customer picked at random from the population right after
 * their first purchase (Fader, Hardie & Lee 2005 eq. 9; lifetimes' `expected_number_of_purchases_up_to_time`).
 *
 * @example
 * expectedPurchasesUnconditional({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 39); //=> ≈ 1.197
 */
export function expectedPurchasesUnconditional(params: BgNbdParams, t: number): number {
  assertParams(params);
  assertHorizon(t);
  if (t === 0) return 0;
  const expected = expectationCore(params.r, params.alpha, params.a, params.b, 0, 0, t);
  if (!Number.isFinite(expected)) throw new BtydError("UNDEFINED_EXPECTATION", "BG/NBD expectation overflowed for this horizon and these parameters");
  return expected;
}

/**
 * (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z)], z = t/(α+T+t).
 *
 * Euler's transformation turns the bracket into 1 − (1−z)^ε ₂F₁(A, ε; C; z) with ε = a−1, A = a+b−1−r,
 * C = a+b+x−1: parameters that stay small however large x is (the raw series overflows for x in the hundreds).
 * Expanding ₂F₁(A, ε; C; z) = 1 + ε Σₖ vₖ/C removes the 1/(a−1) singularity analytically:
 *   result = −C·expm1(ε ln(1−z))/ε − (1−z)^ε · Σₖ vₖ,  vₖ = (A)ₖ (ε+1)ₖ₋₁ zᵏ / ((C+1)ₖ₋₁ k!),
 * which is finite and accurate at a = 1, and needs C+1 = a+b+x > 0 only.
 */
function expectationCore(r: number, alpha: number, a: number, b: number, x: number, T: number, t: number): number {
  const eps = a - 1;
  const A = a + b - 1 - r;
  const C = a + b + x - 1;
  const ratio = t / (alpha + T);
  const z = ratio / (1 + ratio);
  const lnOneMinusZ = -Math.log1p(ratio);
  if (z > 0.9998) return farHorizon(r, alpha, a, b, x, T, t);
  let term = A * z;
  let sum = term;
  for (let k = 1; k < 200_000 && Math.abs(term) > 1e-17 * Math.abs(sum); k++) {
    term *= ((A + k) * (eps + k) * z) / ((C + k) * (k + 1));
    sum += term;
  }
  const first = eps === 0 ? -C * lnOneMinusZ : (-C * Math.expm1(eps * lnOneMinusZ)) / eps;
  const value = first - Math.exp(eps * lnOneMinusZ) * sum;
  return Number.isFinite(value) ? Math.max(0, value) : Number.NaN;
}

/** Horizons beyond 5,000 × (α+T): the series would need too many terms; use ₂F₁'s 1−z connection formula instead. */
function farHorizon(r: number, alpha: number, a: number, b: number, x: number, T: number, t: number): number {
  const evaluate = (aa: number): number => {
    const C = aa + b + x - 1;
    const z = t / (alpha + T + t);
    const bracket = 1 - Math.pow((alpha + T) / (alpha + T + t), aa - 1) * hyp2f1(aa + b - 1 - r, aa - 1, C, z);
    return (C / (aa - 1)) * bracket;
  };
  const C = a + b + x - 1;
  // Step off the removable singularities a = 1 and C ∈ {0, −1, …} symmetrically.
  const nearSingular = Math.abs(a - 1) < 1e-6 || (C <= 0 && Math.abs(C - Math.round(C)) < 1e-6);
  let value: number;
  try {
    value = nearSingular ? 0.5 * (evaluate(a + 2e-6) + evaluate(a - 2e-6)) : evaluate(a);
  } catch (error) {
    // hyp2f1 overflows double precision for horizons of thousands of years: no expectation, not a crash.
    if (error instanceof RangeError) return Number.NaN;
    throw error;
  }
  return Number.isFinite(value) ? Math.max(0, value) : Number.NaN;
}

function positiveFinite(value: number): boolean {
  return Number.isFinite(value) && value > 0;
}

// Called per customer when scoring: plain comparisons, no array or closure to allocate.
function assertParams(p: BgNbdParams): void {
  if (!(positiveFinite(p.r) && positiveFinite(p.alpha) && positiveFinite(p.a) && positiveFinite(p.b))) {
    throw new BtydError("INVALID_INPUT", "BG/NBD parameters r, alpha, a, b must be finite and > 0");
  }
}

function assertHorizon(t: number): void {
  if (!(Number.isFinite(t) && t >= 0)) throw new BtydError("INVALID_INPUT", `horizon t must be finite and ≥ 0, got ${t}`);
}
