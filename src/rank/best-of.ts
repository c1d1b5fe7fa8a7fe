/**
 * Keeps the best `limit` items of a stream under a total order, without holding the whole stream: ranking a million
 * customers for a top 100 then keeps a few hundred scored customers in memory instead of every eligible one, and
 * sorts a few hundred at a time instead of all of them. With no limit it keeps everything and sorts once at the end.
 * The result is exactly `items.sort(compare).slice(0, limit)`, because the order is total (ties broken by ID).
 *
 * @example
 * const best = new BestOf<number>((a, b) => b - a, 2);
 * [3, 9, 1, 7].forEach((n) => best.add(n));
 * best.sorted(); //=> [9, 7]
 */
export class BestOf<T> {
  private kept: T[] = [];
  /** The worst item kept after the last cut: anything no better cannot make the cut. */
  private worstKept: T | undefined;
  private readonly cutAt: number;

  constructor(
    private readonly compare: (a: T, b: T) => number,
    private readonly limit?: number | undefined,
  ) {
    // Cutting when the buffer doubles makes the sorting O(n log limit) overall.
    this.cutAt = limit === undefined ? Number.POSITIVE_INFINITY : Math.max(2 * limit, limit + 1024);
  }

  /** Offers one item; returns whether it was kept (for now). */
  add(item: T): boolean {
    if (this.limit === 0) return false;
    if (this.worstKept !== undefined && this.compare(item, this.worstKept) >= 0) return false;
    this.kept.push(item);
    if (this.kept.length >= this.cutAt) this.cut();
    return true;
  }

  /** The best items, best first. */
  sorted(): T[] {
    this.cut();
    return this.kept;
  }

  private cut(): void {
    this.kept.sort(this.compare);
    if (this.limit !== undefined && this.kept.length >= this.limit) {
      this.kept.length = this.limit;
      this.worstKept = this.kept[this.limit - 1];
    }
  }
}
