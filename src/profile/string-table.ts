import { compareText } from "./order.js";

/**
 * Interns strings (product and category names, platforms, survey items, source names) as small integer codes, so
 * a column of ten million purchases stores one number per name instead of one reference.
 *
 * @example
 * const names = new StringTable();
 * names.code("beans"); //=> 0
 * names.code("mugs");  //=> 1
 * names.code("beans"); //=> 0
 */
export class StringTable {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();

  /** The code of `value`, adding it when new. */
  code(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codes.set(value, code);
    }
    return code;
  }

  /** The code of an optional value: −1 for none. */
  optionalCode(value: string | undefined): number {
    return value === undefined ? -1 : this.code(value);
  }

  /**
   * Each code's position among the values in {@link compareText} order: ranks compare as the names do (how events
   * are ordered by source without comparing the names for every pair).
   *
   * @example
   * const sources = new StringTable();
   * ["surveys.csv", "purchases.csv"].forEach((name) => sources.code(name));
   * sources.ranks(); //=> Int32Array [1, 0]
   */
  ranks(): Int32Array {
    const ranks = new Int32Array(this.values.length);
    this.values
      .map((name, code) => code)
      .sort((a, b) => compareText(this.values[a] as string, this.values[b] as string))
      .forEach((code, rank) => (ranks[code] = rank));
    return ranks;
  }

  /** Codes of `other`'s values in this table (adding the new ones): renumbers a merged shard's codes. */
  codesOf(other: readonly string[]): Int32Array {
    const mapped = new Int32Array(other.length);
    for (let index = 0; index < other.length; index += 1) mapped[index] = this.code(other[index] as string);
    return mapped;
  }
}
