import { GrowableColumn } from "./growable-column.js";

/**
 * Short lists per event — a survey's answers, a comment's words, a customer's handles — packed into flat typed
 * arrays: list e is `codes[starts[e] .. starts[e + 1])` (interned strings), with an optional number or text beside
 * each code. A million surveys' word lists as JavaScript arrays were millions of small objects for every garbage
 * collection to walk; packed, they are four typed arrays.
 */
export interface PackedLists {
  /** Length lists + 1; starts[0] = 0. */
  readonly starts: Int32Array;
  readonly codes: Int32Array;
  /** A number beside each code (an answer's value), when the lists carry numbers. */
  readonly numbers?: Float64Array | undefined;
  /** A text beside each code (a handle), when the lists carry texts. */
  readonly texts?: readonly string[] | undefined;
}

/**
 * A growable {@link PackedLists}, filled one list at a time.
 *
 * @example
 * const words = new ListColumn();
 * words.push([3, 7]);
 * words.push([]);
 * words.take(); //=> { starts: [0, 2, 2], codes: [3, 7] }
 */
export class ListColumn {
  private readonly starts = new GrowableColumn(Int32Array);
  private readonly codes = new GrowableColumn(Int32Array);
  private readonly numbers: GrowableColumn<Float64Array> | undefined;
  private readonly texts: string[] | undefined;

  constructor(carries: "codes" | "numbers" | "texts" = "codes") {
    this.starts.push(0);
    this.numbers = carries === "numbers" ? new GrowableColumn(Float64Array) : undefined;
    this.texts = carries === "texts" ? [] : undefined;
  }

  /** Lists so far. */
  get length(): number {
    return this.starts.length - 1;
  }

  /** Adds one list of codes, with a number or a text beside each when the column carries them. */
  push(codes: readonly number[], numbers?: readonly number[], texts?: readonly string[]): void {
    for (let index = 0; index < codes.length; index += 1) {
      this.codes.push(codes[index] as number);
      this.numbers?.push(numbers?.[index] ?? Number.NaN);
      this.texts?.push(texts?.[index] ?? "");
    }
    this.starts.push(this.codes.length);
  }

  /** Adds list `list` of `lists`, its codes renumbered through `codes` (a merged store's string table). */
  appendOne(lists: PackedLists, list: number, codes: Int32Array): void {
    for (let at = lists.starts[list] as number; at < (lists.starts[list + 1] as number); at += 1) {
      this.codes.push(codes[lists.codes[at] as number] as number);
      if (this.numbers !== undefined) this.numbers.push(lists.numbers?.[at] ?? Number.NaN);
      if (this.texts !== undefined) this.texts.push(lists.texts?.[at] ?? "");
    }
    this.starts.push(this.codes.length);
  }

  /** The lists without a copy (see `GrowableColumn.take`); the column is emptied. */
  take(): PackedLists {
    const lists = { starts: this.starts.take(), codes: this.codes.take(), numbers: this.numbers?.take(), texts: this.texts?.splice(0) };
    this.starts.push(0);
    return lists;
  }

  /** The lists as they stand, without emptying the column (valid until the next push). */
  view(): PackedLists {
    return { starts: this.starts.view(), codes: this.codes.view(), numbers: this.numbers?.view(), texts: this.texts };
  }

  /** Empties the column, freeing its memory. */
  release(): void {
    this.starts.release();
    this.codes.release();
    this.numbers?.release();
    this.texts?.splice(0);
    this.starts.push(0);
  }
}

/**
 * The lists in `order` (list `order[i]` becomes list i; a negative index gives an empty list): lays packed lists out
 * customer by customer.
 *
 * @example
 * gatherLists({ starts: Int32Array.of(0, 1, 3), codes: Int32Array.of(5, 6, 7) }, Int32Array.of(1, 0)).codes; //=> [6, 7, 5]
 */
export function gatherLists(lists: PackedLists, order: Int32Array): PackedLists {
  const starts = new Int32Array(order.length + 1);
  for (let index = 0; index < order.length; index += 1) {
    const list = order[index] as number;
    starts[index + 1] = (starts[index] as number) + (list < 0 ? 0 : (lists.starts[list + 1] as number) - (lists.starts[list] as number));
  }
  const size = starts[order.length] as number;
  const codes = new Int32Array(size);
  const numbers = lists.numbers === undefined ? undefined : new Float64Array(size);
  const texts = lists.texts === undefined ? undefined : new Array<string>(size);
  for (let index = 0; index < order.length; index += 1) {
    const list = order[index] as number;
    if (list < 0) continue;
    let into = starts[index] as number;
    for (let at = lists.starts[list] as number; at < (lists.starts[list + 1] as number); at += 1) {
      codes[into] = lists.codes[at] as number;
      if (numbers !== undefined) numbers[into] = lists.numbers?.[at] as number;
      if (texts !== undefined) texts[into] = lists.texts?.[at] as string;
      into += 1;
    }
  }
  return { starts, codes, numbers, texts };
}

/** The codes of list `list`, as strings from `strings`. */
export function listStrings(lists: PackedLists, list: number, strings: readonly string[]): string[] {
  const from = lists.starts[list] as number;
  const to = lists.starts[list + 1] as number;
  const out = new Array<string>(to - from);
  for (let at = from; at < to; at += 1) out[at - from] = strings[lists.codes[at] as number] as string;
  return out;
}
