import { BtydError } from "./errors.js";

/** The per-customer inputs of the BG/NBD and Pareto/NBD models (an `RfmSummary` fits; `weight` defaults to 1). */
export interface FrequencyRecencyT {
  readonly frequency: number;
  readonly recency: number;
  readonly T: number;
  /** How many customers share this exact history (Fader–Hardie's compressed form). Default 1. */
  readonly weight?: number | undefined;
}

/** Distinct (x, tₓ, T) patterns with summed weights, in columns, so a likelihood pass is one tight loop. */
export interface Patterns {
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly weight: Float64Array;
  /** Index of each pattern's x in `distinctX`, so x-only terms (log-gammas) are computed once per x. */
  readonly xIndex: Int32Array;
  readonly distinctX: Float64Array;
  readonly totalWeight: number;
  readonly maxT: number;
  /** Total weight of customers with x > 0. */
  readonly repeatWeight: number;
}

/**
 * Validates histories and merges identical (x, tₓ, T) ones into weighted patterns (CDNOW's 2,357 customers
 * become about 1,000 patterns; daily data with a common cohort compress far more).
 *
 * @example
 * compressPatterns([{ frequency: 0, recency: 0, T: 5 }, { frequency: 0, recency: 0, T: 5 }]).weight; //=> Float64Array [2]
 */
export function compressPatterns(histories: Iterable<FrequencyRecencyT>): Patterns {
  const index = new Map<string, number>();
  const x: number[] = [];
  const tx: number[] = [];
  const T: number[] = [];
  const weight: number[] = [];
  let row = 0;
  for (const h of histories) {
    validateHistory(h.frequency, h.recency, h.T, row);
    const w = h.weight ?? 1;
    if (!(Number.isFinite(w) && w > 0)) throw new BtydError("INVALID_INPUT", `row ${row}: weight must be > 0`);
    // A history with no repeat purchase carries no information in tₓ; normalise it to 0.
    const recency = h.frequency === 0 ? 0 : h.recency;
    const key = `${h.frequency}|${recency}|${h.T}`;
    const at = index.get(key);
    if (at === undefined) {
      index.set(key, x.length);
      x.push(h.frequency);
      tx.push(recency);
      T.push(h.T);
      weight.push(w);
    } else {
      weight[at]! += w;
    }
    row++;
  }
  const distinct = [...new Set(x)].sort((u, v) => u - v);
  const position = new Map(distinct.map((v, i) => [v, i]));
  let totalWeight = 0;
  let repeatWeight = 0;
  let maxT = 0;
  for (let i = 0; i < x.length; i++) {
    totalWeight += weight[i]!;
    if (x[i]! > 0) repeatWeight += weight[i]!;
    maxT = Math.max(maxT, T[i]!);
  }
  return {
    x: Float64Array.from(x),
    tx: Float64Array.from(tx),
    T: Float64Array.from(T),
    weight: Float64Array.from(weight),
    xIndex: Int32Array.from(x, (v) => position.get(v) ?? 0),
    distinctX: Float64Array.from(distinct),
    totalWeight,
    maxT,
    repeatWeight,
  };
}

/**
 * Throws `BtydError("INVALID_INPUT")` unless x is a non-negative integer and 0 ≤ tₓ ≤ T are finite.
 *
 * @example
 * validateHistory(2, 30.43, 38.86); // ok
 */
export function validateHistory(x: number, tx: number, T: number, row?: number): void {
  const where = row === undefined ? "" : `row ${row}: `;
  if (!(Number.isInteger(x) && x >= 0)) {
    throw new BtydError("INVALID_INPUT", `${where}frequency must be a non-negative integer, got ${x}`);
  }
  if (!(Number.isFinite(T) && T >= 0)) throw new BtydError("INVALID_INPUT", `${where}T must be finite and ≥ 0, got ${T}`);
  if (!(Number.isFinite(tx) && tx >= 0 && tx <= T)) {
    throw new BtydError("INVALID_INPUT", `${where}recency must be in [0, T], got ${tx} (T = ${T})`);
  }
}

/**
 * Guards shared by the BG/NBD and Pareto/NBD fits: at least two customers, some time observed, and at least one
 * repeat purchase (with nobody repeating, the likelihood keeps rising as r → 0 and the MLE does not exist).
 *
 * @example
 * assertFittable(compressPatterns([{ frequency: 0, recency: 0, T: 5 }]), "BG/NBD"); // throws INSUFFICIENT_DATA
 */
export function assertFittable(patterns: Patterns, model: string): void {
  if (patterns.totalWeight < 2) {
    throw new BtydError("INSUFFICIENT_DATA", `${model}: need at least 2 customers, got ${patterns.totalWeight}`);
  }
  if (!(patterns.maxT > 0)) {
    throw new BtydError("INSUFFICIENT_DATA", `${model}: every customer has T = 0 (no time observed)`);
  }
  if (patterns.repeatWeight === 0) {
    throw new BtydError("NO_REPEAT_CUSTOMERS", `${model}: nobody made a repeat purchase, so the model is not identified`);
  }
}
