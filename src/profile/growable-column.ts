/**
 * The typed arrays the profile store keeps its columns in: three kinds only, so the code that pushes into them
 * stays polymorphic rather than megamorphic in V8 (a fifth kind made every push several times slower).
 */
export type NumberArray = Uint8Array | Int32Array | Float64Array;

interface NumberArrayConstructor<A extends NumberArray> {
  new (length: number): A;
}

/**
 * An append-only column of numbers in a typed array that doubles as it fills: a million purchases cost 8 MB as
 * float64 values, where as many small objects would cost ten times that and a garbage collector's attention.
 *
 * @example
 * const days = new GrowableColumn(Int32Array);
 * days.push(19800);
 * days.toArray(); //=> Int32Array [19800]
 */
export class GrowableColumn<A extends NumberArray> {
  private data: A;
  length = 0;

  constructor(
    private readonly kind: NumberArrayConstructor<A>,
    capacity = 1024,
  ) {
    this.data = new kind(Math.max(16, capacity));
  }

  push(value: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length] = value;
    this.length += 1;
  }

  /** The value at `index` (which must be below `length`). */
  at(index: number): number {
    return this.data[index] as number;
  }

  /** Overwrites the value at `index`, growing (with zeros) when it is past the end. */
  set(index: number, value: number): void {
    if (index >= this.data.length) this.grow(index + 1);
    this.data[index] = value;
    if (index >= this.length) this.length = index + 1;
  }

  /** Makes room for `extra` more values at once (one copy instead of several doublings). */
  reserve(extra: number): void {
    if (this.length + extra > this.data.length) this.grow(this.length + extra);
  }

  /** Drops the values and their memory: the column is empty again. */
  release(): void {
    this.data = new this.kind(16);
    this.length = 0;
  }

  /** The values as a view of the column's memory (no copy): valid until the next push, grow or release. */
  view(): A {
    return this.data.subarray(0, this.length) as A;
  }

  /**
   * Hands the values over without a copy (a view of the column's memory, which may be larger than the values) and
   * empties the column: how a finished shard leaves a worker, its buffers transferred rather than copied.
   */
  take(): A {
    const values = this.data.subarray(0, this.length) as A;
    this.release();
    return values;
  }

  /** A copy trimmed to `length`, ready to be transferred to another thread. */
  toArray(): A {
    return this.data.slice(0, this.length) as A;
  }

  private grow(needed: number): void {
    let capacity = Math.max(16, this.data.length * 2);
    while (capacity < needed) capacity *= 2;
    const grown = new this.kind(capacity);
    grown.set(this.data);
    this.data = grown;
  }
}
