import type { BgNbdParams } from "./bg-nbd.js";
import type * as z from "zod";
import { simulateOptionsSchema } from "../../schema/model-options.js";
import { parseOptions } from "../../schema/parse-options.js";
import { BtydError } from "./errors.js";

/**
 * mulberry32: a tiny, fast, seeded PRNG in [0, 1), so simulations and benchmarks are reproducible.
 *
 * @example
 * const next = seededRandom(42); next(); //=> the same number on every run
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Gamma(shape, rate 1) by Marsaglia & Tsang (2000), with the U^(1/shape) boost for shape < 1. */
function gammaVariate(shape: number, random: () => number): number {
  if (shape < 1) return gammaVariate(shape + 1, random) * Math.pow(random() || Number.MIN_VALUE, 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      // Box–Muller standard normal.
      x = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** Options of {@link simulateBgNbd}. */
export type SimulateOptions = z.input<typeof simulateOptionsSchema>;

export interface SimulatedHistory {
  readonly frequency: number;
  readonly recency: number;
  readonly T: number;
}

/**
 * Draws customer histories from the BG/NBD generative process: λ ~ Gamma(r, α), p ~ Beta(a, b); purchases follow
 * a Poisson(λ) process from the first purchase at time 0; after each repeat purchase the customer drops out with
 * probability p. Observation lengths come from `T(i)`. Deterministic for a given seed.
 *
 * @example
 * simulateBgNbd({ r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, { customers: 1000, T: () => 39, seed: 1 }).length; //=> 1000
 */
export function simulateBgNbd(
  params: BgNbdParams,
  options: SimulateOptions,
): SimulatedHistory[] {
  parseOptions(simulateOptionsSchema, options, "simulateBgNbd");
  const { r, alpha, a, b } = params;
  if (![r, alpha, a, b].every((v) => Number.isFinite(v) && v > 0)) {
    throw new BtydError("INVALID_INPUT", "BG/NBD parameters must be finite and > 0");
  }
  const random = seededRandom(options.seed);
  const out: SimulatedHistory[] = new Array(options.customers);
  for (let i = 0; i < options.customers; i++) {
    const T = options.T(i);
    const lambda = gammaVariate(r, random) / alpha;
    const ga = gammaVariate(a, random);
    const p = ga / (ga + gammaVariate(b, random));
    let time = 0;
    let frequency = 0;
    let recency = 0;
    for (;;) {
      time += -Math.log(1 - random()) / lambda;
      if (!(time <= T)) break;
      frequency++;
      recency = time;
      if (random() < p) break;
    }
    out[i] = { frequency, recency, T };
  }
  return out;
}
