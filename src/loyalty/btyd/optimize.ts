/**
 * A small BFGS minimiser. Written here rather than taken from npm because, as checked in 2026: `fmin` is broken
 * on Node, `numeric` (uncmin) has had no real release since 2012 and ships no types, `optimization-js` pulls
 * browserify/jsdoc/travis in as runtime dependencies, and `ml-levenberg-marquardt` only does least squares.
 * The BTYD likelihoods are smooth with 3–4 parameters in log space, where BFGS with an analytic gradient
 * converges in a few dozen iterations (Nelder–Mead would need hundreds of evaluations).
 */
import { CholeskyDecomposition, Matrix } from "ml-matrix";
import type * as z from "zod";
import { minimizeOptionsSchema } from "../../schema/model-options.js";
import { parseOptions } from "../../schema/parse-options.js";

/** Objective value at `x`; when `gradient` is given, also write ∂f/∂x into it. Return Infinity/NaN for "outside". */
export type Objective = (x: Float64Array, gradient?: Float64Array) => number;

export type MinimizeOptions = z.input<typeof minimizeOptionsSchema>;

export interface MinimizeResult {
  readonly x: Float64Array;
  readonly value: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** Inverse-Hessian approximation built by BFGS (row-major n×n). */
  readonly inverseHessian: Float64Array;
}

/**
 * Minimises `f` from `x0` by BFGS with a backtracking (Armijo) line search.
 * `converged` is true when the gradient tolerance was met, or when no step could reduce f further while the
 * gradient was already small (1e-5): the floating-point floor of a well-scaled problem.
 *
 * @example
 * const rosen: Objective = (x, g) => {
 *   const [a, b] = [x[0]!, x[1]!];
 *   if (g) { g[0] = -2 * (1 - a) - 400 * a * (b - a * a); g[1] = 200 * (b - a * a); }
 *   return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
 * };
 * minimizeBfgs(rosen, [-1.2, 1]).x; //=> ≈ [1, 1]
 */
export function minimizeBfgs(f: Objective, x0: ArrayLike<number>, options: MinimizeOptions = {}): MinimizeResult {
  parseOptions(minimizeOptionsSchema, options, "minimizeBfgs");
  const gtol = options.gradientTolerance ?? 1e-9;
  const maxIterations = options.maxIterations ?? 500;
  const bound = options.bound ?? Number.POSITIVE_INFINITY;
  const evaluate: Objective = options.analyticGradient === false ? withNumericGradient(f) : f;
  const n = x0.length;
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let fx = evaluate(x, g);
  if (!Number.isFinite(fx) || !g.every(Number.isFinite)) {
    throw new RangeError("minimizeBfgs: objective or gradient is not finite at the starting point");
  }
  const H = identity(n);
  const direction = new Float64Array(n);
  const xNew = new Float64Array(n);
  let gNew = new Float64Array(n);
  let iterations = 0;
  let converged = maxAbs(g) < gtol;
  while (!converged && iterations < maxIterations) {
    iterations++;
    multiply(H, g, direction, -1);
    let slope = dot(direction, g);
    if (!(slope < 0)) {
      // Lost descent (rounding in H): restart from steepest descent.
      H.set(identity(n));
      for (let i = 0; i < n; i++) direction[i] = -g[i]!;
      slope = dot(direction, g);
    }
    let step = 1;
    let fNew = NaN;
    let accepted = false;
    for (let k = 0; k < 60; k++) {
      for (let i = 0; i < n; i++) xNew[i] = x[i]! + step * direction[i]!;
      fNew = evaluate(xNew, gNew);
      if (Number.isFinite(fNew) && fNew <= fx + 1e-4 * step * slope && gNew.every(Number.isFinite)) {
        accepted = true;
        break;
      }
      // Quadratic interpolation of the step when f is finite, plain halving otherwise; kept in [0.1, 0.5]·step.
      const quad = Number.isFinite(fNew) ? (-slope * step * step) / (2 * (fNew - fx - slope * step)) : 0.5 * step;
      step = Math.min(0.5 * step, Math.max(0.1 * step, quad));
    }
    if (!accepted) {
      converged = maxAbs(g) < 1e-5;
      break;
    }
    // BFGS update of the inverse Hessian with s = Δx, y = Δg; skipped when curvature is not positive.
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i]! - x[i]!;
      y[i] = gNew[i]! - g[i]!;
    }
    const sy = dot(s, y);
    if (iterations === 1 && sy > 0) {
      // Scale the initial identity to the problem (Nocedal & Wright 6.20).
      const scale = sy / dot(y, y);
      for (let i = 0; i < n; i++) H[i * n + i] = scale;
    }
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) bfgsUpdate(H, s, y, sy);
    const previous = fx;
    x = Float64Array.from(xNew);
    [g, gNew] = [gNew, g];
    fx = fNew;
    converged = maxAbs(g) < gtol || (previous - fx <= 1e-15 * Math.abs(fx) && maxAbs(g) < 1e-6);
    if (!converged && maxAbs(x) > bound) break;
  }
  return { x, value: fx, iterations, converged, inverseHessian: H };
}

/**
 * Wraps an objective without a gradient so that it gets one by central differences (step 1e-6 · max(1, |xᵢ|)).
 *
 * @example
 * const f = withNumericGradient((x) => x[0]! ** 2);
 * const g = new Float64Array(1); f(Float64Array.of(3), g); g[0]; //=> ≈ 6
 */
export function withNumericGradient(f: Objective): Objective {
  return (x, gradient) => {
    const value = f(x);
    if (gradient && Number.isFinite(value)) {
      const probe = Float64Array.from(x);
      for (let i = 0; i < x.length; i++) {
        const h = 1e-6 * Math.max(1, Math.abs(x[i]!));
        probe[i] = x[i]! + h;
        const up = f(probe);
        probe[i] = x[i]! - h;
        const down = f(probe);
        probe[i] = x[i]!;
        gradient[i] = (up - down) / (2 * h);
      }
    }
    return value;
  };
}

/**
 * Hessian of `f` at `x` by central differences of its gradient (symmetrised), row-major n×n.
 * Used for standard errors at a fitted optimum.
 *
 * @example
 * numericHessian((x, g) => { if (g) g[0] = 2 * x[0]!; return x[0]! ** 2; }, [1])[0]; //=> ≈ 2
 */
export function numericHessian(f: Objective, x: ArrayLike<number>): Float64Array {
  const n = x.length;
  const H = new Float64Array(n * n);
  const probe = Float64Array.from(x);
  const up = new Float64Array(n);
  const down = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const h = 1e-5 * Math.max(1, Math.abs(probe[j]!));
    const xj = probe[j]!;
    probe[j] = xj + h;
    f(probe, up);
    probe[j] = xj - h;
    f(probe, down);
    probe[j] = xj;
    for (let i = 0; i < n; i++) H[i * n + j] = (up[i]! - down[i]!) / (2 * h);
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const m = 0.5 * (H[i * n + j]! + H[j * n + i]!);
      H[i * n + j] = m;
      H[j * n + i] = m;
    }
  }
  return H;
}

/**
 * Inverse of a symmetric positive-definite matrix (row-major n×n) by Cholesky; undefined when it is not
 * positive definite (e.g. an optimum on a flat ridge), so callers can omit standard errors instead of reporting NaN.
 *
 * @example
 * invertPositiveDefinite(Float64Array.of(4, 0, 0, 1), 2); //=> Float64Array [0.25, 0, 0, 1]
 */
export function invertPositiveDefinite(A: ArrayLike<number>, n: number): Float64Array | undefined {
  const rows = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => A[i * n + j] as number));
  const cholesky = new CholeskyDecomposition(new Matrix(rows));
  if (!cholesky.isPositiveDefinite()) return undefined;
  return Float64Array.from(cholesky.solve(Matrix.eye(n)).to1DArray());
}

function identity(n: number): Float64Array {
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) m[i * n + i] = 1;
  return m;
}

function dot(u: Float64Array, v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < u.length; i++) s += u[i]! * v[i]!;
  return s;
}

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (const e of v) m = Math.max(m, Math.abs(e));
  return m;
}

function multiply(M: Float64Array, v: Float64Array, out: Float64Array, sign: number): void {
  const n = v.length;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += M[i * n + j]! * v[j]!;
    out[i] = sign * s;
  }
}

/** H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, ρ = 1 / (yᵀs). */
function bfgsUpdate(H: Float64Array, s: Float64Array, y: Float64Array, sy: number): void {
  const n = s.length;
  const rho = 1 / sy;
  const Hy = new Float64Array(n);
  multiply(H, y, Hy, 1);
  const yHy = dot(y, Hy);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      H[i * n + j] =
        H[i * n + j]! - rho * (Hy[i]! * s[j]! + s[i]! * Hy[j]!) + (rho * rho * yHy + rho) * s[i]! * s[j]!;
    }
  }
}
