import type { CustomerProfile } from "../../profile/customer-profile.js";
import { featureVector, VOICE_FEATURE_NAMES, voiceFeatures } from "../voice-features.js";
import { DEFAULT_VOICE_MODEL, DEFAULT_VOICE_WINDOW_DAYS } from "./default-voice-model.js";
import { fitLogistic } from "./fit-logistic.js";
import { inHashSample } from "../../stats/hash-sample.js";
import { isHoldout } from "./holdout-split.js";
import { liftAtK } from "./lift-at-k.js";
import { standardisation, standardiseRow } from "./standardise.js";
import type { VoiceHoldout, VoiceModel } from "./voice-model.js";
import { voicePropensity } from "./voice-propensity.js";
import type * as z from "zod";
import { fitVoiceModelOptionsSchema } from "../../schema/model-options.js";
import { parseOptions } from "../../schema/parse-options.js";

/** Options of {@link fitVoiceModel}. */
export type FitVoiceModelOptions = z.input<typeof fitVoiceModelOptionsSchema>;

interface Example {
  readonly features: number[];
  readonly label: boolean;
}

/** Whether anything is known of the customer on or before the split day: without it there are no features to learn from. */
function seenBy(profile: CustomerProfile, day: number): boolean {
  const firstPurchase = profile.purchases.days[0];
  if (firstPurchase !== undefined && firstPurchase <= day) return true;
  if (profile.social.public.some((post) => post.day <= day)) return true;
  return profile.surveys.some((survey) => survey.day <= day);
}

function postedAboutBrand(profile: CustomerProfile, after: number, through: number): boolean {
  return profile.social.public.some((post) => post.mentionsBrand && post.day > after && post.day <= through);
}

function checkOptions(options: FitVoiceModelOptions): { windowDays: number; holdoutShare: number; minPositives: number; l2: number } {
  const windowDays = options.windowDays ?? DEFAULT_VOICE_WINDOW_DAYS;
  const holdoutShare = options.holdoutShare ?? 0.3;
  const minPositives = options.minPositives ?? 30;
  const l2 = options.l2 ?? 1;
  if (!Number.isFinite(options.asOfDay)) throw new RangeError(`fitVoiceModel: asOfDay must be a finite day number, got ${options.asOfDay}`);
  if (!(options.halfLifeDays > 0) || !Number.isFinite(options.halfLifeDays)) throw new RangeError(`fitVoiceModel: halfLifeDays must be > 0, got ${options.halfLifeDays}`);
  if (!(windowDays > 0) || !Number.isFinite(windowDays)) throw new RangeError(`fitVoiceModel: windowDays must be > 0, got ${windowDays}`);
  if (!(holdoutShare >= 0 && holdoutShare < 1)) throw new RangeError(`fitVoiceModel: holdoutShare must be in [0, 1), got ${holdoutShare}`);
  if (!(minPositives >= 0) || !Number.isFinite(minPositives)) throw new RangeError(`fitVoiceModel: minPositives must be ≥ 0, got ${minPositives}`);
  if (!(l2 >= 0) || !Number.isFinite(l2)) throw new RangeError(`fitVoiceModel: l2 must be ≥ 0, got ${l2}`);
  return { windowDays, holdoutShare, minPositives, l2 };
}

/**
 * Learns the voice model's weights from the brand's own history, or says why it keeps the defaults.
 *
 * The history is split at day `asOfDay − windowDays`: each customer seen by then gets voice features as of the
 * split day (later activity ignored), and the label is whether they posted publicly about the brand in the window
 * after it. Customers are split into training and holdout by a stable hash of their ID; features are standardised
 * on the training set, and an L2-regularised logistic regression (Newton/IRLS, see `fit-logistic.ts`) is fitted.
 * On the holdout, lift@k (k = max(10, 10 %)) of the learned weights is compared with that of
 * {@link DEFAULT_VOICE_MODEL}.
 *
 * The learned weights are returned (`method: "learned"`) only with at least `minPositives` positive labels in
 * training and a holdout lift at least the default's; otherwise the default weights come back with
 * `method: "default"` and the reason, plus the holdout figures whenever they were computed. Deterministic: the
 * same profiles give the same model, whatever their order.
 *
 * @example
 * const model = fitVoiceModel([...profileSet.profiles.values()], { asOfDay: 20634, halfLifeDays: 180 });
 * model.method; //=> "learned"
 * model.holdout?.liftLearned; //=> 4.2
 */
export function fitVoiceModel(profiles: readonly CustomerProfile[], options: FitVoiceModelOptions): VoiceModel {
  parseOptions(fitVoiceModelOptionsSchema, options, "fitVoiceModel");
  const fitter = new VoiceModelFitter(options);
  for (const profile of profiles) fitter.add(profile);
  return fitter.finish();
}

/** One customer as a training or holdout example: voice features as of the split day, and whether they then spoke. */
interface Candidate {
  readonly customerId: string;
  readonly features: number[];
  readonly label: boolean;
}

/**
 * Collects {@link fitVoiceModel}'s examples one profile at a time (features as of the split day and the label,
 * for each customer seen by then), so the model can be learned from profiles streaming past; `finish()` fits it.
 * Past FIT_SAMPLE_SIZE eligible customers the model is learned from a deterministic hash sample of them: eight
 * weights are pinned down long before that, and the holdout check stays within it.
 *
 * @example
 * const fitter = new VoiceModelFitter({ asOfDay: 20634, halfLifeDays: 180 });
 * for (const profile of profiles.values()) fitter.add(profile);
 * fitter.finish().method; //=> "learned"
 */
export class VoiceModelFitter {
  private readonly settings: ReturnType<typeof checkOptions>;
  private readonly splitDay: number;
  private readonly candidates: Candidate[] = [];

  constructor(private readonly options: FitVoiceModelOptions) {
    this.settings = checkOptions(options);
    this.splitDay = options.asOfDay - this.settings.windowDays;
  }

  add(profile: CustomerProfile): void {
    if (!seenBy(profile, this.splitDay)) return;
    this.candidates.push({
      customerId: profile.customerId,
      features: featureVector(voiceFeatures(profile, this.splitDay, this.options.halfLifeDays)),
      label: postedAboutBrand(profile, this.splitDay, this.options.asOfDay),
    });
  }

  finish(): VoiceModel {
    const { windowDays, holdoutShare, minPositives, l2 } = this.settings;
    const splitDay = this.splitDay;
    const fallback = (reason: string, holdout?: VoiceHoldout): VoiceModel => ({
      ...DEFAULT_VOICE_MODEL,
      featureNames: [...DEFAULT_VOICE_MODEL.featureNames],
      weights: [...DEFAULT_VOICE_MODEL.weights],
      means: [...DEFAULT_VOICE_MODEL.means],
      scales: [...DEFAULT_VOICE_MODEL.scales],
      windowDays,
      reason,
      ...(holdout === undefined ? {} : { holdout }),
    });

    // Sort by ID so the training rows (and so the floating-point sums of the fit) are in one order whatever the input's.
    const eligible = this.candidates;
    if (!isSortedById(eligible)) eligible.sort((a, b) => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0));
    const training: Example[] = [];
    const holdout: Example[] = [];
    let sampled = 0;
    for (const candidate of eligible) {
      if (!inHashSample(candidate.customerId, eligible.length)) continue;
      sampled += 1;
      (isHoldout(candidate.customerId, holdoutShare) ? holdout : training).push(candidate);
    }
    const trainingPositives = training.filter((example) => example.label).length;
    const sample = sampled < eligible.length ? ` (a deterministic sample of ${sampled} of ${eligible.length} customers)` : "";
    const split = `split day ${splitDay}: ${training.length} training customers (${trainingPositives} posted about the brand in the ${windowDays} days after), ${holdout.length} held out${sample}`;
    if (trainingPositives < minPositives) {
      return fallback(`too few positives to learn from: ${trainingPositives} < ${minPositives} (${split})`);
    }

    const scaling = standardisation(
      training.map((example) => example.features),
      VOICE_FEATURE_NAMES.length,
    );
    const fit = fitLogistic(
      training.map((example) => standardiseRow(example.features, scaling)),
      training.map((example) => example.label),
      { l2 },
    );
    if (!Number.isFinite(fit.intercept) || fit.weights.some((weight) => !Number.isFinite(weight))) {
      return fallback(`the logistic fit failed numerically (${split})`);
    }
    const learned: VoiceModel = {
      method: "learned",
      reason: "",
      featureNames: [...VOICE_FEATURE_NAMES],
      weights: fit.weights,
      intercept: fit.intercept,
      means: scaling.means,
      scales: scaling.scales,
      windowDays,
    };

    const holdoutPositives = holdout.filter((example) => example.label).length;
    if (holdoutPositives === 0) {
      return fallback(`no held-out customer posted about the brand, so the learned weights cannot be checked against the defaults (${split})`);
    }
    const labels = holdout.map((example) => example.label);
    const k = Math.min(holdout.length, Math.max(10, Math.ceil(0.1 * holdout.length)));
    const figures: VoiceHoldout = {
      customers: holdout.length,
      positives: holdoutPositives,
      baseRate: holdoutPositives / holdout.length,
      k,
      liftLearned: liftAtK(holdout.map((example) => voicePropensity(example.features, learned)), labels, k),
      liftDefault: liftAtK(holdout.map((example) => voicePropensity(example.features, DEFAULT_VOICE_MODEL)), labels, k),
    };
    const lifts = `holdout lift@${k}: learned ${figures.liftLearned.toFixed(2)}, default ${figures.liftDefault.toFixed(2)}`;
    if (figures.liftLearned < figures.liftDefault) {
      return fallback(`the default weights did better on the holdout (${lifts}; ${split})`, figures);
    }
    const convergence = fit.converged ? `converged in ${fit.iterations} Newton steps` : `stopped after ${fit.iterations} Newton steps without converging`;
    return { ...learned, reason: `learned from the data: ${lifts}; ${split}; L2 ${l2}, ${convergence}`, holdout: figures };
  }
}

function isSortedById(candidates: readonly Candidate[]): boolean {
  for (let index = 1; index < candidates.length; index += 1) {
    if ((candidates[index - 1] as Candidate).customerId >= (candidates[index] as Candidate).customerId) return false;
  }
  return true;
}
