import type { VoiceFeatures } from "../voice-features.js";
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
  const values: ReadonlyArray<number | undefined> = Array.isArray(features)
    ? (features as readonly number[])
    : model.featureNames.map((name) => (features as unknown as Record<string, number | undefined>)[name]);
  let logit = Number.isFinite(model.intercept) ? model.intercept : 0;
  for (let j = 0; j < model.featureNames.length; j++) {
    const value = values[j];
    const weight = model.weights[j] ?? 0;
    const mean = model.means[j] ?? 0;
    const rawScale = model.scales[j] ?? 1;
    const scale = Number.isFinite(rawScale) && rawScale > 0 ? rawScale : 1;
    if (value === undefined || !Number.isFinite(value) || !Number.isFinite(weight) || !Number.isFinite(mean)) continue;
    logit += (weight * (value - mean)) / scale;
  }
  return logistic(logit);
}
