/**
 * Multinomial logistic regression over sparse features, fitted by stochastic gradient descent with AdaGrad step
 * sizes and an L2 penalty toward a prior (zero, or the weights of a model being adapted). Deterministic: the
 * examples are visited in an order drawn from `seed`.
 */

/** Examples in compressed sparse rows: example e has features `indices[offsets[e] .. offsets[e + 1]]`. */
export interface SparseExamples {
  readonly offsets: Int32Array;
  readonly indices: Int32Array;
  readonly values: Float32Array;
  /** Class of each example, 0 .. classes − 1. */
  readonly labels: Uint8Array;
  /** Weight of each example (default 1). */
  readonly weights?: Float32Array | undefined;
}

/** Options of {@link fitSoftmax}. */
export interface FitSoftmaxOptions {
  /** Number of feature indices (weights are `dimension × classes`). */
  readonly dimension: number;
  readonly classes: number;
  /** L2 penalty per example visit (λ), pulling each weight toward its prior. */
  readonly l2: number;
  readonly epochs: number;
  readonly learningRate: number;
  readonly seed: number;
  /** Weights to start from and shrink toward (default zero); same layout as the result's. */
  readonly prior?: { readonly weights: Float64Array; readonly bias: Float64Array } | undefined;
  /** Penalty on the bias too, toward the prior's (default 0: the bias is free). */
  readonly biasL2?: number | undefined;
  /** Features whose weights stay at the prior (cues the data holds too few examples of to learn). */
  readonly frozen?: ((index: number) => boolean) | undefined;
}

/** A fitted softmax model: `weights[feature × classes + class]` and a bias per class. */
export interface SoftmaxWeights {
  readonly weights: Float64Array;
  readonly bias: Float64Array;
}

/** A small, fast, seeded generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Class probabilities of example `e` under `model`, written into `out`. */
export function softmaxOf(model: SoftmaxWeights, data: SparseExamples, e: number, classes: number, out: Float64Array): Float64Array {
  for (let k = 0; k < classes; k += 1) out[k] = model.bias[k] as number;
  for (let at = data.offsets[e] as number; at < (data.offsets[e + 1] as number); at += 1) {
    const base = (data.indices[at] as number) * classes;
    const value = data.values[at] as number;
    for (let k = 0; k < classes; k += 1) out[k] = (out[k] as number) + (model.weights[base + k] as number) * value;
  }
  let max = -Infinity;
  for (let k = 0; k < classes; k += 1) if ((out[k] as number) > max) max = out[k] as number;
  let sum = 0;
  for (let k = 0; k < classes; k += 1) {
    out[k] = Math.exp((out[k] as number) - max);
    sum += out[k] as number;
  }
  for (let k = 0; k < classes; k += 1) out[k] = (out[k] as number) / sum;
  return out;
}

/**
 * Fits multinomial logistic regression to sparse examples.
 *
 * @example
 * const model = fitSoftmax(examples, { dimension: 1 << 18, classes: 3, l2: 1e-6, epochs: 8, learningRate: 0.5, seed: 7 });
 * model.bias.length; //=> 3
 */
export function fitSoftmax(data: SparseExamples, options: FitSoftmaxOptions): SoftmaxWeights {
  const { dimension, classes, l2, epochs, learningRate } = options;
  const biasL2 = options.biasL2 ?? 0;
  const weights = options.prior === undefined ? new Float64Array(dimension * classes) : Float64Array.from(options.prior.weights);
  const bias = options.prior === undefined ? new Float64Array(classes) : Float64Array.from(options.prior.bias);
  const priorWeights = options.prior?.weights;
  const priorBias = options.prior?.bias;
  const squared = new Float64Array(dimension * classes).fill(1e-8);
  const biasSquared = new Float64Array(classes).fill(1e-8);
  const examples = data.labels.length;
  const order = Int32Array.from({ length: examples }, (_, e) => e);
  const random = seededRandom(options.seed);
  const probabilities = new Float64Array(classes);
  const model = { weights, bias };
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    for (let at = examples - 1; at > 0; at -= 1) {
      const other = Math.floor(random() * (at + 1));
      const swap = order[at] as number;
      order[at] = order[other] as number;
      order[other] = swap;
    }
    for (let step = 0; step < examples; step += 1) {
      const e = order[step] as number;
      const weight = data.weights?.[e] ?? 1;
      softmaxOf(model, data, e, classes, probabilities);
      const label = data.labels[e] as number;
      for (let k = 0; k < classes; k += 1) {
        const gradient = ((probabilities[k] as number) - (k === label ? 1 : 0)) * weight;
        const biasGradient = gradient + biasL2 * ((bias[k] as number) - (priorBias?.[k] ?? 0));
        biasSquared[k] = (biasSquared[k] as number) + biasGradient * biasGradient;
        bias[k] = (bias[k] as number) - (learningRate * biasGradient) / Math.sqrt(biasSquared[k] as number);
        probabilities[k] = gradient;
      }
      for (let p = data.offsets[e] as number; p < (data.offsets[e + 1] as number); p += 1) {
        if (options.frozen?.(data.indices[p] as number) === true) continue;
        const base = (data.indices[p] as number) * classes;
        const value = data.values[p] as number;
        for (let k = 0; k < classes; k += 1) {
          const slot = base + k;
          const g = (probabilities[k] as number) * value + l2 * ((weights[slot] as number) - (priorWeights?.[slot] ?? 0));
          squared[slot] = (squared[slot] as number) + g * g;
          weights[slot] = (weights[slot] as number) - (learningRate * g) / Math.sqrt(squared[slot] as number);
        }
      }
    }
  }
  return model;
}
