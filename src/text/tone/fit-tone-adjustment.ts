import { seededRandom } from "./fit-softmax.js";
import { FeatureVector, toneFeatures } from "./tone-features.js";
import { probabilitiesOf, TONE_CLASSES, type ToneLabel, type ToneModel } from "./tone-model.js";
import type { ToneAdjustmentWeights } from "./tone-reader.js";
import { normaliseForTone, tokeniseTone, ToneTokens, type BrandWords } from "./tone-tokens.js";

/** A text whose attitude is known from its record: a survey comment with its NPS or CSAT, a review with its stars. */
export interface AttitudeExample {
  readonly text: string;
  readonly label: ToneLabel;
  /** A stable key (customer and row) that decides, by hash, whether the example is held out. */
  readonly key: string;
}

/** How one reader did on the held-out examples. */
export interface ToneHoldoutScore {
  readonly accuracy: number;
  readonly macroF1: number;
  /** Mean negative log-likelihood of the known labels (lower is better). */
  readonly logLoss: number;
}

/**
 * Which tone reader the profiles were read with, and why: the shipped model, or the shipped model with an
 * adjustment fitted to the brand's own texts of known attitude. Plain JSON (it is stored in the fitted model).
 */
export interface ToneChoice {
  readonly method: "shipped" | "adjusted";
  readonly reason: string;
  /** Examples of known attitude: used to fit, and held out to check. */
  readonly examples?: { readonly training: number; readonly holdout: number } | undefined;
  readonly holdout?: { readonly shipped: ToneHoldoutScore; readonly adjusted: ToneHoldoutScore } | undefined;
  /** The adjustment, when it is used. */
  readonly adjustment?: ToneAdjustmentWeights | undefined;
}

/** Options of {@link fitToneAdjustment}. */
export interface FitToneAdjustmentOptions {
  readonly brand?: BrandWords | undefined;
  /** Share of examples held out, by a stable hash of their key (default 0.3). */
  readonly holdoutShare?: number | undefined;
  /** Training examples needed to try (default 60) and held-out examples needed to judge (default 30). */
  readonly minTraining?: number | undefined;
  readonly minHoldout?: number | undefined;
  /** L2 penalty pulling every shift toward 0, i.e. toward the shipped model (default 0.01 per example visit). */
  readonly l2?: number | undefined;
}

/**
 * The tone label an answer implies: NPS 9–10 positive, 7–8 neutral, 0–6 negative; otherwise CSAT 4–5 positive, 3
 * neutral, 1–2 negative.
 *
 * @example
 * attitudeOf(10, undefined); //=> "positive"
 * attitudeOf(undefined, 2); //=> "negative"
 */
export function attitudeOf(nps: number | undefined, csat: number | undefined): ToneLabel | undefined {
  if (nps !== undefined) return nps >= 9 ? "positive" : nps >= 7 ? "neutral" : "negative";
  if (csat !== undefined) return csat >= 4 ? "positive" : csat >= 3 ? "neutral" : "negative";
  return undefined;
}

function isHeldOut(key: string, share: number): boolean {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index += 1) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) / 4294967296 < share;
}

interface Encoded {
  readonly indices: Int32Array;
  readonly values: Float32Array;
  readonly negative: number;
  readonly positive: number;
  readonly label: number;
}

function encode(model: ToneModel, examples: readonly AttitudeExample[], brand: BrandWords | undefined): Encoded[] {
  const tokens = new ToneTokens();
  const vector = new FeatureVector();
  const logits = new Float64Array(2);
  return examples.map((example) => {
    toneFeatures(tokeniseTone(normaliseForTone(example.text, brand), tokens), model.settings, vector);
    model.logits(vector, logits);
    return {
      indices: vector.indices.slice(0, vector.length),
      values: vector.values.slice(0, vector.length),
      negative: logits[0] as number,
      positive: logits[1] as number,
      label: TONE_CLASSES.indexOf(example.label),
    };
  });
}

function scoreOn(examples: readonly Encoded[], shift: (example: Encoded, out: Float64Array) => Float64Array): ToneHoldoutScore {
  const confusion = [0, 1, 2].map(() => [0, 0, 0]);
  const delta = new Float64Array(2);
  const p = new Float64Array(3);
  let loss = 0;
  for (const example of examples) {
    shift(example, delta);
    probabilitiesOf(example.negative + (delta[0] as number), example.positive + (delta[1] as number), p);
    loss -= Math.log(Math.max(p[example.label] as number, 1e-12));
    const predicted = (p[0] as number) >= (p[1] as number) && (p[0] as number) >= (p[2] as number) ? 0 : (p[2] as number) > (p[1] as number) ? 2 : 1;
    (confusion[example.label] as number[])[predicted] = ((confusion[example.label] as number[])[predicted] as number) + 1;
  }
  const f1 = [0, 1, 2].map((k) => {
    const tp = (confusion[k] as number[])[k] as number;
    const predicted = confusion.reduce((sum, row) => sum + (row[k] as number), 0);
    const actual = (confusion[k] as number[]).reduce((sum, n) => sum + n, 0);
    return predicted + actual === 0 ? 0 : (2 * tp) / (predicted + actual);
  });
  const correct = [0, 1, 2].reduce((sum, k) => sum + ((confusion[k] as number[])[k] as number), 0);
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  return { accuracy: round(correct / examples.length), macroF1: round(f1.reduce((a, b) => a + b, 0) / 3), logLoss: round(loss / examples.length) };
}

const EPOCHS = 8;
const LEARNING_RATE = 0.2;
const MIN_SUPPORT = 3;

/**
 * Learns the brand's own language: fits shifts of the shipped tone model's negative and positive logits (overall and
 * per word feature) to the brand's texts whose attitude the records say — a survey comment with its NPS or CSAT —
 * by SGD on the cross-entropy with an L2 pull toward the shipped model, on the examples not held out (a stable hash
 * of their key holds out `holdoutShare`). The adjustment is kept only when it lowers the held-out log-loss without
 * lowering held-out accuracy (log-loss is the proper score of a probability; macro-F1 is reported too); the choice says which reader was used and why, with both readers' held-out figures.
 * Only word features seen in at least three training texts get a shift. Deterministic.
 *
 * @example
 * const choice = fitToneAdjustment(shippedToneModel(), examples);
 * choice.method; //=> "adjusted"
 * choice.holdout?.adjusted.macroF1; //=> 0.71
 */
export function fitToneAdjustment(model: ToneModel, examples: readonly AttitudeExample[], options: FitToneAdjustmentOptions = {}): ToneChoice {
  const holdoutShare = options.holdoutShare ?? 0.3;
  const minTraining = options.minTraining ?? 60;
  const minHoldout = options.minHoldout ?? 30;
  const l2 = options.l2 ?? 0.01;
  const sorted = [...examples].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const training = sorted.filter((example) => !isHeldOut(example.key, holdoutShare));
  const holdout = sorted.filter((example) => isHeldOut(example.key, holdoutShare));
  const counts = { training: training.length, holdout: holdout.length };
  if (training.length < minTraining || holdout.length < minHoldout) {
    return {
      method: "shipped",
      reason: `too few texts of known attitude to adjust the tone model: ${training.length} to fit (need ${minTraining}), ${holdout.length} held out (need ${minHoldout})`,
      examples: counts,
    };
  }
  const train = encode(model, training, options.brand);
  const held = encode(model, holdout, options.brand);

  // Features seen in enough training texts, each with two shifts.
  const support = new Map<number, number>();
  for (const example of train) for (const index of new Set(example.indices)) support.set(index, (support.get(index) ?? 0) + 1);
  const slots = new Map<number, number>();
  for (const [index, count] of [...support].sort((a, b) => a[0] - b[0])) if (count >= MIN_SUPPORT) slots.set(index, slots.size);
  const weights = new Float64Array(slots.size * 2);
  const squared = new Float64Array(slots.size * 2).fill(1e-8);
  const bias = new Float64Array(2);
  const biasSquared = new Float64Array(2).fill(1e-8);
  const random = seededRandom(0x70e);
  const order = Int32Array.from(train, (_, at) => at);
  const p = new Float64Array(3);
  for (let epoch = 0; epoch < EPOCHS; epoch += 1) {
    for (let at = order.length - 1; at > 0; at -= 1) {
      const other = Math.floor(random() * (at + 1));
      [order[at], order[other]] = [order[other] as number, order[at] as number];
    }
    for (const at of order) {
      const example = train[at] as Encoded;
      let negative = example.negative + (bias[0] as number);
      let positive = example.positive + (bias[1] as number);
      for (let k = 0; k < example.indices.length; k += 1) {
        const slot = slots.get(example.indices[k] as number);
        if (slot === undefined) continue;
        negative += (weights[2 * slot] as number) * (example.values[k] as number);
        positive += (weights[2 * slot + 1] as number) * (example.values[k] as number);
      }
      probabilitiesOf(negative, positive, p);
      // Gradients of the cross-entropy with respect to the negative and positive logits (neutral is fixed at 0).
      const gradient = [(p[0] as number) - (example.label === 0 ? 1 : 0), (p[2] as number) - (example.label === 2 ? 1 : 0)];
      for (let c = 0; c < 2; c += 1) {
        const g = gradient[c] as number;
        biasSquared[c] = (biasSquared[c] as number) + g * g;
        bias[c] = (bias[c] as number) - (LEARNING_RATE * g) / Math.sqrt(biasSquared[c] as number);
      }
      for (let k = 0; k < example.indices.length; k += 1) {
        const slot = slots.get(example.indices[k] as number);
        if (slot === undefined) continue;
        for (let c = 0; c < 2; c += 1) {
          const at2 = 2 * slot + c;
          const g = (gradient[c] as number) * (example.values[k] as number) + l2 * (weights[at2] as number);
          squared[at2] = (squared[at2] as number) + g * g;
          weights[at2] = (weights[at2] as number) - (LEARNING_RATE * g) / Math.sqrt(squared[at2] as number);
        }
      }
    }
  }
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  const buckets: number[] = [];
  const shifts: number[] = [];
  for (const [index, slot] of slots) {
    const negative = round(weights[2 * slot] as number);
    const positive = round(weights[2 * slot + 1] as number);
    if (negative === 0 && positive === 0) continue;
    buckets.push(index);
    shifts.push(negative, positive);
  }
  const adjustment: ToneAdjustmentWeights = { bias: [round(bias[0] as number), round(bias[1] as number)], buckets, weights: shifts };
  const table = new Map(buckets.map((bucket, at) => [bucket, at] as const));
  const shipped = scoreOn(held, (_, out) => {
    out[0] = 0;
    out[1] = 0;
    return out;
  });
  const adjusted = scoreOn(held, (example, out) => {
    out[0] = adjustment.bias[0];
    out[1] = adjustment.bias[1];
    for (let k = 0; k < example.indices.length; k += 1) {
      const at = table.get(example.indices[k] as number);
      if (at === undefined) continue;
      out[0] = (out[0] as number) + (shifts[2 * at] as number) * (example.values[k] as number);
      out[1] = (out[1] as number) + (shifts[2 * at + 1] as number) * (example.values[k] as number);
    }
    return out;
  });
  const figures = `held-out log-loss ${adjusted.logLoss} adjusted vs ${shipped.logLoss} shipped, accuracy ${adjusted.accuracy} vs ${shipped.accuracy}, macro-F1 ${adjusted.macroF1} vs ${shipped.macroF1} (${counts.training} texts fitted, ${counts.holdout} held out)`;
  if (adjusted.logLoss < shipped.logLoss && adjusted.accuracy >= shipped.accuracy) {
    return { method: "adjusted", reason: `adjusted to the brand's own texts of known attitude: ${figures}`, examples: counts, holdout: { shipped, adjusted }, adjustment };
  }
  return { method: "shipped", reason: `the shipped tone model did as well or better on the held-out texts: ${figures}`, examples: counts, holdout: { shipped, adjusted } };
}
