import { DENSE_FEATURES, type FeatureSettings, type FeatureVector } from "./tone-features.js";

/** The three tone classes, in the model's order. */
export const TONE_CLASSES = ["negative", "neutral", "positive"] as const;
export type ToneLabel = (typeof TONE_CLASSES)[number];

/**
 * A tone model as shipped: plain JSON. Weights are relative to the neutral class (softmax does not change when the
 * same number is added to every class), so each feature stores two numbers, negative and positive; sparse weights
 * are int8 (× `scale`), their buckets delta-encoded as varints, both base64.
 */
export interface PackedToneModel {
  readonly format: "brand-advocates/tone-model";
  readonly version: 1;
  readonly settings: FeatureSettings;
  /** Names of the dense features, in order (checked against the reader's). */
  readonly denseFeatures: readonly string[];
  /** Bias of the negative and positive classes (neutral 0). */
  readonly bias: readonly [number, number];
  /** Per dense feature, its negative and positive weight. */
  readonly dense: ReadonlyArray<readonly [number, number]>;
  readonly scale: number;
  /** Sorted bucket numbers of the kept sparse features: base64 of varint deltas. */
  readonly buckets: string;
  /** Per kept bucket, int8 negative then positive weight: base64. */
  readonly weights: string;
  /** What the model was trained on, how, and what it scored on data held out from training. */
  readonly training: Readonly<Record<string, unknown>>;
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Decodes base64 without Buffer or atob (the warehouse bundle has neither). */
export function decodeBase64(text: string): Uint8Array {
  const lookup = new Int16Array(128).fill(-1);
  for (let index = 0; index < BASE64.length; index += 1) lookup[BASE64.charCodeAt(index)] = index;
  const clean = text.replace(/=+$/, "");
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (let index = 0; index < clean.length; index += 1) {
    const digit = lookup[clean.charCodeAt(index)] ?? -1;
    if (digit < 0) throw new TypeError(`tone model: invalid base64 at ${index}`);
    value = (value << 6) | digit;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at] = (value >> bits) & 0xff;
      at += 1;
    }
  }
  return out;
}

/**
 * Encodes bytes as base64 (for the training script).
 *
 * @example
 * encodeBase64(new Uint8Array([1, 2, 3])); //=> "AQID"
 */
export function encodeBase64(bytes: Uint8Array): string {
  let out = "";
  for (let at = 0; at < bytes.length; at += 3) {
    const a = bytes[at] as number;
    const b = bytes[at + 1];
    const c = bytes[at + 2];
    const chunk = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += BASE64[(chunk >> 18) & 63];
    out += BASE64[(chunk >> 12) & 63];
    out += b === undefined ? "=" : BASE64[(chunk >> 6) & 63];
    out += c === undefined ? "=" : BASE64[chunk & 63];
  }
  return out;
}

/**
 * A tone model ready to read: the kept sparse weights in an open-addressing table (a few hundred kilobytes), dense
 * weights and bias as numbers.
 *
 * @example
 * const model = ToneModel.unpack(packed);
 * model.probabilities(vector, new Float64Array(3)); //=> Float64Array [0.81, 0.15, 0.04]
 */
export class ToneModel {
  private readonly keys: Int32Array;
  private readonly negative: Float32Array;
  private readonly positive: Float32Array;
  private readonly mask: number;
  private readonly denseBase: number;
  private readonly denseNegative: Float64Array;
  private readonly densePositive: Float64Array;

  private constructor(readonly packed: PackedToneModel) {
    if (packed.format !== "brand-advocates/tone-model" || packed.version !== 1) throw new TypeError("tone model: not a brand-advocates tone model (format/version)");
    if (packed.denseFeatures.join() !== DENSE_FEATURES.join()) throw new TypeError("tone model: its dense features differ from this reader's");
    const deltas = decodeBase64(packed.buckets);
    const weights = decodeBase64(packed.weights);
    const count = weights.length / 2;
    let size = 1;
    while (size < count * 2) size *= 2;
    this.mask = size - 1;
    this.keys = new Int32Array(size).fill(-1);
    this.negative = new Float32Array(size);
    this.positive = new Float32Array(size);
    let bucket = 0;
    let read = 0;
    for (let feature = 0; feature < count; feature += 1) {
      let delta = 0;
      let shift = 0;
      for (;;) {
        const byte = deltas[read] as number;
        read += 1;
        delta |= (byte & 0x7f) << shift;
        if (byte < 0x80) break;
        shift += 7;
      }
      bucket += delta;
      let slot = this.slotOf(bucket);
      while (this.keys[slot] !== -1) slot = (slot + 1) & this.mask;
      this.keys[slot] = bucket;
      this.negative[slot] = (((weights[2 * feature] as number) << 24) >> 24) * packed.scale;
      this.positive[slot] = (((weights[2 * feature + 1] as number) << 24) >> 24) * packed.scale;
    }
    this.denseBase = 1 << packed.settings.bits;
    this.denseNegative = Float64Array.from(packed.dense, ([negative]) => negative);
    this.densePositive = Float64Array.from(packed.dense, ([, positive]) => positive);
  }

  /**
   * Unpacks a shipped model.
   *
   * @throws {TypeError} when the object is not a tone model this reader can use.
   * @example
   * ToneModel.unpack(TONE_MODEL).settings.bits; //=> 20
   */
  static unpack(packed: PackedToneModel): ToneModel {
    return new ToneModel(packed);
  }

  get settings(): FeatureSettings {
    return this.packed.settings;
  }

  private slotOf(bucket: number): number {
    return (Math.imul(bucket, 0x9e3779b1) >>> 0) & this.mask;
  }

  /** The negative and positive weight of dense feature `index` (see DENSE_FEATURES), written into `out`. */
  denseWeights(index: number, out: Float64Array): Float64Array {
    out[0] = this.denseNegative[index] ?? 0;
    out[1] = this.densePositive[index] ?? 0;
    return out;
  }

  /** The negative and positive weight of a sparse bucket (0, 0 when it was pruned); written into `out`. */
  bucketWeights(bucket: number, out: Float64Array): Float64Array {
    let slot = this.slotOf(bucket);
    for (;;) {
      const key = this.keys[slot] as number;
      if (key === bucket) {
        out[0] = this.negative[slot] as number;
        out[1] = this.positive[slot] as number;
        return out;
      }
      if (key === -1) {
        out[0] = 0;
        out[1] = 0;
        return out;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  /**
   * The logits of the negative and positive classes against neutral (log-odds), written into `out[0]`, `out[1]`.
   *
   * @example
   * model.logits(vector, new Float64Array(2)); //=> Float64Array [1.9, -0.7]
   */
  logits(vector: FeatureVector, out: Float64Array): Float64Array {
    let negative = this.packed.bias[0];
    let positive = this.packed.bias[1];
    for (let at = 0; at < vector.length; at += 1) {
      const index = vector.indices[at] as number;
      const value = vector.values[at] as number;
      if (index >= this.denseBase) {
        negative += (this.denseNegative[index - this.denseBase] as number) * value;
        positive += (this.densePositive[index - this.denseBase] as number) * value;
        continue;
      }
      let slot = this.slotOf(index);
      for (;;) {
        const key = this.keys[slot] as number;
        if (key === index) {
          negative += (this.negative[slot] as number) * value;
          positive += (this.positive[slot] as number) * value;
          break;
        }
        if (key === -1) break;
        slot = (slot + 1) & this.mask;
      }
    }
    out[0] = negative;
    out[1] = positive;
    return out;
  }
}

/**
 * Softmax of (negative, 0, positive) logits into probabilities (negative, neutral, positive).
 *
 * @example
 * probabilitiesOf(0, 0, new Float64Array(3)); //=> Float64Array [0.333, 0.333, 0.333]
 */
export function probabilitiesOf(negative: number, positive: number, out: Float64Array): Float64Array {
  const max = Math.max(negative, 0, positive);
  const n = Math.exp(negative - max);
  const u = Math.exp(-max);
  const p = Math.exp(positive - max);
  const sum = n + u + p;
  out[0] = n / sum;
  out[1] = u / sum;
  out[2] = p / sum;
  return out;
}
