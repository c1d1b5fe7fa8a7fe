import { describe, expect, it } from "vitest";
import {
  invertPositiveDefinite,
  minimizeBfgs,
  numericHessian,
  withNumericGradient,
  type Objective,
} from "../../src/loyalty/btyd/optimize.js";

const rosenbrock: Objective = (x, g) => {
  const a = x[0]!;
  const b = x[1]!;
  if (g) {
    g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
    g[1] = 200 * (b - a * a);
  }
  return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
};

describe("minimizeBfgs", () => {
  it("finds the Rosenbrock minimum with an analytic gradient", () => {
    const result = minimizeBfgs(rosenbrock, [-1.2, 1]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
    expect(result.iterations).toBeLessThan(100);
  });

  it("works with central-difference gradients", () => {
    const result = minimizeBfgs((x) => rosenbrock(x), [-1.2, 1], { analyticGradient: false, gradientTolerance: 1e-6 });
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 4);
  });

  it("treats non-finite values as outside the domain and backs off", () => {
    // f = x − ln x on x > 0, Infinity elsewhere; minimum at 1.
    const f: Objective = (x, g) => {
      const v = x[0]!;
      if (v <= 0) return Infinity;
      if (g) g[0] = 1 - 1 / v;
      return v - Math.log(v);
    };
    const result = minimizeBfgs(f, [8]);
    expect(result.x[0]).toBeCloseTo(1, 7);
  });

  it("reports non-convergence when the iteration limit is hit", () => {
    expect(minimizeBfgs(rosenbrock, [-1.2, 1], { maxIterations: 3 }).converged).toBe(false);
  });

  it("numeric gradient, Hessian and inverse agree with calculus", () => {
    const g = new Float64Array(2);
    withNumericGradient((x) => x[0]! ** 2 + 3 * x[0]! * x[1]!)(Float64Array.of(1, 2), g);
    expect(g[0]).toBeCloseTo(8, 6);
    expect(g[1]).toBeCloseTo(3, 6);
    const H = numericHessian(rosenbrock, [1, 1]);
    expect(Array.from(H).map((v) => Math.round(v))).toEqual([802, -400, -400, 200]);
    const inv = invertPositiveDefinite(H, 2)!;
    expect(inv[0]! * H[0]! + inv[1]! * H[2]!).toBeCloseTo(1, 8);
    expect(invertPositiveDefinite([1, 2, 2, 1], 2)).toBeUndefined();
  });
});
