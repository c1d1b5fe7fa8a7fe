import { probabilityAlive, type BgNbdParams } from "../loyalty/btyd/bg-nbd.js";

/** One cell of the P(alive) matrix: a band of recency (weeks) × a band of repeat-purchase frequency. */
export interface AliveCell {
  /** Repeat purchases (the first purchase is not a repeat); the cell covers frequency..frequencyEnd (exclusive). */
  readonly frequency: number;
  readonly frequencyEnd: number;
  /** Weeks from first to last purchase; the cell covers recency..recencyEnd. */
  readonly recency: number;
  readonly recencyEnd: number;
  /** P(alive) at the band's lowest frequency and middle recency, at the matrix's T. */
  readonly probabilityAlive: number;
}

/** The P(alive) matrix and the axes it was computed on. */
export interface AliveMatrix {
  /** Weeks from first purchase to "as of" assumed for every cell (the population's longest). */
  readonly T: number;
  readonly maxFrequency: number;
  readonly cells: AliveCell[];
}

/**
 * The BG/NBD probability that a customer is still buying, over a grid of repeat-purchase frequency × recency at a
 * fixed T — lifetimes' `plot_probability_alive_matrix`. Like lifetimes, every cell uses the population's longest T,
 * so the matrix reads "a customer who started with the oldest ones"; customers who started later look more alive
 * at the same recency. A customer with no repeat purchase is alive by the model's definition (P = 1), whatever the
 * recency (lifetimes shows the same row). To keep the page small, frequency and recency are banded into at most
 * `maxBands` bands each (one band per unit when they fit).
 *
 * @example
 * aliveMatrix({ r: 0.24, alpha: 4.4, a: 0.79, b: 2.4 }, 20, 52).cells.length; //=> 21 frequencies × 50 recency bands = 1050
 */
export function aliveMatrix(params: BgNbdParams, maxFrequency: number, T: number, maxBands = 50): AliveMatrix {
  const frequencyMax = Math.max(0, Math.floor(maxFrequency));
  const weeks = Number.isFinite(T) ? Math.max(0, T) : 0;
  const bands = Math.max(1, Math.floor(maxBands));
  // Frequency 0 gets a band of its own: it is alive by definition, and sharing a band would paint one-repeat
  // customers alive too. The rest share the other bands.
  const frequencyStep = Math.max(1, Math.ceil(frequencyMax / Math.max(1, bands - 1)));
  const recencyBands = Math.max(1, Math.min(bands, Math.ceil(weeks)));
  const recencyStep = weeks / recencyBands;
  const cells: AliveCell[] = [];
  const frequencies = [0];
  for (let frequency = 1; frequency <= frequencyMax; frequency += frequencyStep) frequencies.push(frequency);
  for (const frequency of frequencies) {
    for (let band = 0; band < recencyBands; band += 1) {
      const recency = band * recencyStep;
      const recencyEnd = band === recencyBands - 1 ? weeks : (band + 1) * recencyStep;
      // Without repeats the last purchase is the first (recency 0); the mid-band recency never exceeds T.
      const tx = frequency === 0 ? 0 : Math.min(weeks, (recency + recencyEnd) / 2);
      const alive = probabilityAlive(params, frequency, tx, weeks);
      cells.push({
        frequency,
        frequencyEnd: frequency === 0 ? 1 : Math.min(frequency + frequencyStep, frequencyMax + 1),
        recency,
        recencyEnd,
        probabilityAlive: Number.isFinite(alive) ? alive : 0,
      });
    }
  }
  return { T: weeks, maxFrequency: frequencyMax, cells };
}
