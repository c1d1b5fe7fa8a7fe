import { describe, expect, it } from "vitest";
import { hyp2f1 } from "../../src/loyalty/btyd/hyp2f1.js";
import { digamma, logGammaSigned } from "../../src/loyalty/btyd/special-functions.js";

/** Reference values from mpmath 1.3 (30 significant digits), rounded to 17. */
const KNOWN: [a: number, b: number, c: number, z: number, value: number][] = [
  [2.5, 1.5, 0.5, 0.7, 256.95626154563334],
  [0.5, 0.5, 1.5, 0.9999, 1.5608742057822095],
  [3.243, 5.426, 5.219, 0.6, 22.328803132176252],
  [10.3, 12.7, 4.2, 0.97, 6.7122157924948272e30],
  [6.15, 5.55, 7.15, 0.9, 45981.685955573293],
  [1.2, 0.8, 2.0, 0.999999, 13.017465259811909], // c − a − b = 0: logarithmic case
  [-3, 2.5, 1.5, 0.95, -0.0046250000000000079], // terminating polynomial
  [0.3, 0.7, 1.2, -1000, 0.1797109190500302], // Pfaff, far negative z
  [2, 3, 5, 0.75, 4.1980792103759996], // c − a − b = 0 again, integer parameters
];

describe("hyp2f1", () => {
  it.each(KNOWN)("₂F₁(%d, %d; %d; %d) matches mpmath", (a, b, c, z, value) => {
    expect(Math.abs(hyp2f1(a, b, c, z) - value) / Math.abs(value)).toBeLessThan(1e-9);
  });

  it("matches closed forms near z → 1 and for negative z", () => {
    // ₂F₁(1,1;2;z) = −ln(1−z)/z; ₂F₁(½,1;3/2;−x²) = atan(x)/x; ₂F₁(a,b;b;z) = (1−z)^(−a).
    for (const z of [0.3, 0.6, 0.9, 0.99, 0.999999]) {
      expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(-Math.log1p(-z) / z, 9);
    }
    for (const x of [0.5, 1, 3, 30]) expect(hyp2f1(0.5, 1, 1.5, -x * x)).toBeCloseTo(Math.atan(x) / x, 12);
    expect(hyp2f1(0.7, 2.2, 2.2, 0.95) / Math.pow(0.05, -0.7)).toBeCloseTo(1, 10);
  });

  it("uses Gauss's sum at z = 1 and refuses where no real finite value exists", () => {
    expect(hyp2f1(3, 2, 7, 1)).toBeCloseTo(5, 12); // Γ(7)Γ(2)/(Γ(4)Γ(5))
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(RangeError);
    expect(() => hyp2f1(1, 1, 2, 1.5)).toThrow(RangeError);
    expect(() => hyp2f1(1, 1, -2, 0.3)).toThrow(RangeError);
    expect(hyp2f1(0, 5, 3, 0.9)).toBe(1);
  });

  it("special functions: digamma and signed log-gamma", () => {
    expect(digamma(1)).toBeCloseTo(-0.5772156649015329, 14);
    expect(digamma(0.5)).toBeCloseTo(-1.9635100260214235, 13);
    expect(digamma(30)).toBeCloseTo(3.3844381326855249, 13);
    const half = logGammaSigned(-0.5); // Γ(−½) = −2√π
    expect(half.sign).toBe(-1);
    expect(half.logAbs).toBeCloseTo(Math.log(2 * Math.sqrt(Math.PI)), 13);
    expect(() => logGammaSigned(-2)).toThrow(RangeError);
  });
});
