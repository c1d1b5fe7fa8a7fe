import { VOICE_FEATURE_NAMES, type VoiceFeatures } from "../voice-features.js";
import { logistic } from "./logistic.js";
import type { VoiceModel } from "./voice-model.js";

/**
 * The chance that a customer posts publicly about the brand within the model's window:
 * logistic(intercept + Σ wᵢ·(xᵢ − meanᵢ)/scaleᵢ). Always finite and strictly inside (0, 1): a non-finite feature
 * counts as its mean (no evidence), a non-positive or non-finite scale as 1, a non-finite weight as 0, and the
 * log-odds are clamped to ±30.
 *
 * `features` is either a {@link VoiceFeatures} object (looked up by the model's `featureNames`, so the order of
 * a stored model never matters) or an array already in `featureNames` order (a missing entry counts as its mean).
 *
 * @example
 * voicePropensity(voiceFeatures(profile, asOfDay, 180), DEFAULT_VOICE_MODEL); //=> 0.91 for a frequent defender
 */
export function voicePropensity(features: VoiceFeatures | readonly number[], model: VoiceModel): number {
  const byName = features as unknown as Record<string, number | undefined>;
  const inOrder = Array.isArray(features) ? (features as readonly number[]) : undefined;
  let logit = Number.isFinite(model.intercept) ? model.intercept : 0;
  for (let j = 0; j < model.featureNames.length; j++) {
    const value = inOrder === undefined ? byName[model.featureNames[j] as string] : inOrder[j];
    const weight = model.weights[j] ?? 0;
    const mean = model.means[j] ?? 0;
    const scale = usableScale(model.scales[j]);
    if (value === undefined || !Number.isFinite(value) || !Number.isFinite(weight) || !Number.isFinite(mean)) continue;
    logit += (weight * (value - mean)) / scale;
  }
  return logistic(logit);
}

function usableScale(rawScale: number | undefined): number {
  const scale = rawScale ?? 1;
  return Number.isFinite(scale) && scale > 0 ? scale : 1;
}

/**
 * A voice model read once for scoring: each term's feature position in {@link VOICE_FEATURE_NAMES} (−1 for a name
 * that is not a voice feature) and its weight, mean and scale with the fallbacks of {@link voicePropensity} applied.
 */
interface PreparedVoiceModel {
  readonly intercept: number;
  readonly feature: Int32Array;
  readonly weight: Float64Array;
  readonly mean: Float64Array;
  readonly scale: Float64Array;
  /** The term counts: weight and mean are finite. */
  readonly usable: Uint8Array;
}

// Models are immutable plain data; a JSON round trip makes a new object, prepared again to the same terms.
const preparedModels = new WeakMap<VoiceModel, PreparedVoiceModel>();

function prepared(model: VoiceModel): PreparedVoiceModel {
  let terms = preparedModels.get(model);
  if (terms === undefined) {
    const size = model.featureNames.length;
    terms = {
      intercept: Number.isFinite(model.intercept) ? model.intercept : 0,
      feature: Int32Array.from(model.featureNames, (name) => (VOICE_FEATURE_NAMES as readonly string[]).indexOf(name)),
      weight: new Float64Array(size),
      mean: new Float64Array(size),
      scale: new Float64Array(size),
      usable: new Uint8Array(size),
    };
    for (let j = 0; j < size; j++) {
      const weight = model.weights[j] ?? 0;
      const mean = model.means[j] ?? 0;
      terms.weight[j] = weight;
      terms.mean[j] = mean;
      terms.scale[j] = usableScale(model.scales[j]);
      terms.usable[j] = Number.isFinite(weight) && Number.isFinite(mean) ? 1 : 0;
    }
    preparedModels.set(model, terms);
  }
  return terms;
}

/**
 * {@link voicePropensity} of a feature vector in {@link VOICE_FEATURE_NAMES} order (see `writeVoiceFeatures`), with
 * the model's names, weights and fallbacks resolved once per model object rather than once per customer. Same
 * result as `voicePropensity` on the features object, to the last bit.
 *
 * @example
 * propensityOfVector(writeVoiceFeatures(publicActivity(profile, asOfDay, 180), new Float64Array(8)), DEFAULT_VOICE_MODEL); //=> 0.91
 */
export function propensityOfVector(vector: Float64Array, model: VoiceModel): number {
  const terms = prepared(model);
  let logit = terms.intercept;
  for (let j = 0; j < terms.feature.length; j++) {
    const at = terms.feature[j] as number;
    if (at < 0 || terms.usable[j] === 0) continue;
    const value = vector[at] as number;
    if (!Number.isFinite(value)) continue;
    logit += ((terms.weight[j] as number) * (value - (terms.mean[j] as number))) / (terms.scale[j] as number);
  }
  return logistic(logit);
}
