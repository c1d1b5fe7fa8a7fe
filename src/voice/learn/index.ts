export { DEFAULT_VOICE_MODEL, DEFAULT_VOICE_WEIGHTS, DEFAULT_VOICE_WINDOW_DAYS, type DefaultVoiceWeight } from "./default-voice-model.js";
export { fitLogistic, type FitLogisticOptions, type LogisticFit } from "./fit-logistic.js";
export { fitVoiceModel, type FitVoiceModelOptions } from "./fit-voice-model.js";
export { isHoldout, stableHash } from "./holdout-split.js";
export { liftAtK } from "./lift-at-k.js";
export { logistic, MAX_LOGIT } from "./logistic.js";
export { standardisation, standardiseRow, type Standardisation } from "./standardise.js";
export type { VoiceHoldout, VoiceModel } from "./voice-model.js";
export { voicePropensity } from "./voice-propensity.js";
