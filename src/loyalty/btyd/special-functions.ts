import { gammaln } from "simple-statistics";

/**
 * log|Γ(x)| and the sign of Γ(x) for any real x that is not a non-positive integer (where Γ has poles).
 * simple-statistics' `gammaln` covers x > 0 only; negative arguments arise in the hypergeometric connection
 * formulas, so they go through the reflection formula Γ(x)Γ(1−x) = π / sin(πx).
 *
 * @example
 * logGammaSigned(-0.5); //=> { logAbs: Math.log(2 * Math.sqrt(Math.PI)), sign: -1 }
 */
export function logGammaSigned(x: number): { logAbs: number; sign: 1 | -1 } {
  if (x > 0) return { logAbs: gammaln(x), sign: 1 };
  if (Number.isInteger(x)) throw new RangeError(`Γ(${x}) is a pole`);
  const sinPiX = Math.sin(Math.PI * x);
  return {
    logAbs: Math.log(Math.PI) - Math.log(Math.abs(sinPiX)) - gammaln(1 - x),
    sign: sinPiX > 0 ? 1 : -1,
  };
}

/**
 * Digamma ψ(x) = d/dx ln Γ(x) for x > 0, for the analytic likelihood gradients. Recurrence up to x ≥ 10, then
 * the asymptotic series (error below 1e-15 there).
 *
 * @example
 * digamma(1); //=> -0.5772156649015329 (minus the Euler–Mascheroni constant)
 */
export function digamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`digamma needs x > 0, got ${x}`);
  let result = 0;
  while (x < 10) {
    result -= 1 / x;
    x += 1;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  // Bernoulli-number series: 1/12, 1/120, 1/252, 1/240, 1/132, 691/32760.
  const series =
    inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132 - inv2 * (691 / 32760))))));
  return result + Math.log(x) - 0.5 * inv - series;
}

/**
 * log(e^u + e^v) without overflow; −Infinity stands for log 0.
 *
 * @example
 * logAddExp(0, 0); //=> Math.LN2
 */
export function logAddExp(u: number, v: number): number {
  if (u === -Infinity) return v;
  if (v === -Infinity) return u;
  const m = Math.max(u, v);
  return m + Math.log1p(Math.exp(-Math.abs(u - v)));
}

/**
 * log(e^u − e^v) for u ≥ v; returns −Infinity when u = v (a difference of exactly 0).
 *
 * @example
 * logSubExp(Math.log(3), 0); //=> Math.LN2
 */
export function logSubExp(u: number, v: number): number {
  if (v === -Infinity) return u;
  if (!(u >= v)) throw new RangeError("logSubExp needs u ≥ v");
  if (u === v) return -Infinity;
  return u + Math.log(-Math.expm1(v - u));
}
