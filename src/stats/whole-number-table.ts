/** Arguments beyond this are computed, not kept: tables stay small (256 KiB at most). */
const MAX_TABLED = 32_768;

/**
 * A function of whole numbers 0, 1, 2, … remembered as it is called: the first call for a value computes it, later
 * calls read the table. Scoring meets the same few thousand day counts for every customer, and the functions of
 * them (powers, percentiles) cost more than the rest of a score. A looked-up value is the computed one, to the last
 * bit; other arguments (fractions, negatives, NaN, beyond {@link MAX_TABLED}) are computed every time.
 */
export class WholeNumberTable {
  // NaN marks a value not computed yet (a NaN result is simply computed again).
  private table = new Float64Array(0);

  constructor(private readonly compute: (value: number) => number) {}

  /**
   * The function's value at `value`.
   *
   * @example
   * new WholeNumberTable((days) => Math.pow(0.5, days / 365)).of(365); //=> 0.5
   */
  of(value: number): number {
    if (!(value >= 0 && value < MAX_TABLED && Number.isInteger(value))) return this.compute(value);
    if (value >= this.table.length) this.grow(value);
    const known = this.table[value] as number;
    if (!Number.isNaN(known)) return known;
    const computed = this.compute(value);
    this.table[value] = computed;
    return computed;
  }

  private grow(value: number): void {
    const table = new Float64Array(Math.min(MAX_TABLED, Math.max(1024, value + 1, 2 * this.table.length))).fill(Number.NaN);
    table.set(this.table);
    this.table = table;
  }
}
