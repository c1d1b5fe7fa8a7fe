import { quantileSorted } from "simple-statistics";

/** How many quantiles a grid keeps: 0 %, 1 %, …, 100 %. Enough for ranking, and small enough to ship in a model. */
export const GRID_SIZE = 101;

/**
 * Summarises a population's values as a quantile grid (101 points), so a model stays small and JSON-friendly
 * however many customers it was fitted on. Sorts once (O(n log n)); never re-sorts per lookup.
 *
 * @example
 * quantileGrid([1, 2, 3, 4]).length; //=> 101
 */
export function quantileGrid(values: readonly number[]): number[] {
  if (values.length === 0) return [];
  const sorted = Float64Array.from(values).sort();
  const list = Array.from(sorted);
  return Array.from({ length: GRID_SIZE }, (_, index) => quantileSorted(list, index / (GRID_SIZE - 1)));
}

function lowerBound(grid: readonly number[], value: number): number {
  let low = 0;
  let high = grid.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((grid[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function upperBound(grid: readonly number[], value: number): number {
  let low = 0;
  let high = grid.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((grid[middle] as number) <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Where a value falls in a population summarised by {@link quantileGrid}, on 0..1. Ties take the middle of
 * their run (a value shared by the bottom 40 % reads 0.2), and values between grid points are interpolated.
 * An empty grid (no population) gives 0.5: no information either way.
 *
 * @example
 * percentileFromGrid(quantileGrid([1, 2, 3, 4, 5]), 3); //=> 0.5
 */
export function percentileFromGrid(grid: readonly number[], value: number): number {
  const size = grid.length;
  if (size === 0 || Number.isNaN(value)) return 0.5;
  if (size === 1) return value < (grid[0] as number) ? 0 : value > (grid[0] as number) ? 1 : 0.5;
  const low = lowerBound(grid, value);
  const high = upperBound(grid, value);
  if (high > low) return (low + high - 1) / 2 / (size - 1);
  if (low === 0) return 0;
  if (low === size) return 1;
  const below = grid[low - 1] as number;
  const above = grid[low] as number;
  return (low - 1 + (value - below) / (above - below)) / (size - 1);
}
