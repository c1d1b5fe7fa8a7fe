import { logGammaSigned } from "./special-functions.js";

const MAX_TERMS = 100_000;

/**
 * Gauss hypergeometric function ₂F₁(a, b; c; z) for real parameters and real z ≤ 1.
 *
 * Strategy, chosen so every path sums a power series in an argument of modulus ≤ ½ (fast, accurate):
 * - |z| ≤ ½: the defining series.
 * - z < −½: Pfaff's transformation ₂F₁(a,b;c;z) = (1−z)^(−a) ₂F₁(a, c−b; c; z/(z−1)), whose argument lies in (⅓, 1).
 * - ½ < z < 1: the connection formula in 1−z (Abramowitz & Stegun 15.3.6). When c−a−b is (nearly) an integer
 *   its two gamma coefficients have poles that cancel; there we evaluate at c ± d, c ± 2d and extrapolate
 *   (relative error about 1e-11) instead of implementing the logarithmic case (A&S 15.3.10–12).
 * - z = 1: Gauss's sum when c−a−b > 0.
 *
 * Throws RangeError where the function is not real and finite: z > 1, z = 1 with c−a−b ≤ 0, or c a
 * non-positive integer (with no terminating a or b).
 *
 * @example
 * hyp2f1(1, 1, 2, 0.99); //=> -Math.log(0.01) / 0.99 ≈ 4.6517
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (![a, b, c, z].every(Number.isFinite)) throw new RangeError("hyp2f1 needs finite arguments");
  if (z > 1) throw new RangeError(`hyp2f1: z = ${z} > 1 has no real value`);
  if (z === 0 || a === 0 || b === 0) return 1;
  const terminating = isNonPositiveInteger(a) || isNonPositiveInteger(b);
  if (isNonPositiveInteger(c) && !terminating) throw new RangeError(`hyp2f1: c = ${c} is a non-positive integer`);
  if (terminating) return series(a, b, c, z); // a polynomial: the finite sum is exact for any z
  if (z === 1) return gaussSum(a, b, c);
  if (Math.abs(z) <= 0.5) return series(a, b, c, z);
  if (z < 0) {
    // Pfaff; pick the parameter that keeps the series' coefficients smaller.
    const w = z / (z - 1);
    return Math.abs(a) <= Math.abs(b)
      ? Math.pow(1 - z, -a) * hyp2f1(a, c - b, c, w)
      : Math.pow(1 - z, -b) * hyp2f1(b, c - a, c, w);
  }
  const m = c - a - b;
  if (Math.abs(m - Math.round(m)) < 1e-6) {
    // Symmetric averages at c ± d and c ± 2d, combined by Richardson extrapolation: bias O(d⁴), rounding O(ε/d).
    const d = 2e-4;
    const near = 0.5 * (oneMinusZ(a, b, c + d, z) + oneMinusZ(a, b, c - d, z));
    const far = 0.5 * (oneMinusZ(a, b, c + 2 * d, z) + oneMinusZ(a, b, c - 2 * d, z));
    return (4 * near - far) / 3;
  }
  return oneMinusZ(a, b, c, z);
}

function isNonPositiveInteger(v: number): boolean {
  return v <= 0 && Number.isInteger(v);
}

/** The defining power series; stops when a term no longer changes the sum. */
function series(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 0; k < MAX_TERMS; k++) {
    term *= (((a + k) * (b + k)) / ((c + k) * (k + 1))) * z;
    sum += term;
    if (term === 0 || (Math.abs(term) <= 1e-17 * Math.abs(sum) && k > 2)) return finite(sum);
  }
  throw new RangeError("hyp2f1: series did not converge");
}

/** A&S 15.3.6: both series run in 1 − z < ½. Gamma coefficients are combined in log space (Γ(c)Γ(c−a−b) alone
 *  overflows for parameters near 100); a pole in a denominator makes its term vanish. */
function oneMinusZ(a: number, b: number, c: number, z: number): number {
  const m = c - a - b;
  const w = 1 - z;
  let result = 0;
  const first = gammaRatio([c, m], [c - a, c - b]);
  if (first !== undefined) result += first.sign * Math.exp(first.logAbs) * series(a, b, 1 - m, w);
  const second = gammaRatio([c, -m], [a, b]);
  if (second !== undefined) {
    result += second.sign * Math.exp(second.logAbs + m * Math.log(w)) * series(c - a, c - b, 1 + m, w);
  }
  return finite(result);
}

function gaussSum(a: number, b: number, c: number): number {
  const m = c - a - b;
  if (!(m > 0)) throw new RangeError("hyp2f1 diverges at z = 1 unless c − a − b > 0");
  const ratio = gammaRatio([c, m], [c - a, c - b]);
  return ratio === undefined ? 0 : finite(ratio.sign * Math.exp(ratio.logAbs));
}

/** ∏Γ(numerator) / ∏Γ(denominator) as log-magnitude and sign; undefined (zero) when a denominator hits a pole. */
function gammaRatio(
  numerator: readonly number[],
  denominator: readonly number[],
): { logAbs: number; sign: number } | undefined {
  if (denominator.some(isNonPositiveInteger)) return undefined;
  let logAbs = 0;
  let sign = 1;
  for (const v of numerator) {
    const g = logGammaSigned(v);
    logAbs += g.logAbs;
    sign *= g.sign;
  }
  for (const v of denominator) {
    const g = logGammaSigned(v);
    logAbs -= g.logAbs;
    sign *= g.sign;
  }
  return { logAbs, sign };
}

function finite(v: number): number {
  if (!Number.isFinite(v)) throw new RangeError("hyp2f1: result overflows double precision");
  return v;
}
