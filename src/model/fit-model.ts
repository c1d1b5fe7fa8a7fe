import { checkDataShape } from "../schema/data-shape.js";
import { CommitmentFitter } from "../commitment/fit-commitment.js";
import { defaultScales, resolveScales } from "../commitment/fit-scales.js";
import { LoyaltyFitter } from "../loyalty/fit-loyalty.js";
import type { CustomerProfile } from "../profile/customer-profile.js";
import { dayToIso } from "../profile/day.js";
import { prepareProfiles } from "../profile/prepare-profiles.js";
import { ProfileStore } from "../profile/profile-store.js";
import { inHashSample, POPULATION_SAMPLE_SEED } from "../stats/hash-sample.js";
import { resolveOptions, type AdvocateOptions, type AdvocateOptionsInput } from "../schema/options.js";
import type { AdvocateData } from "../schema/validate-data.js";
import { VoiceFitter } from "../voice/fit-voice.js";
import { MODEL_FORMAT, MODEL_VERSION, type AdvocateModel } from "./advocate-model.js";
import type { ToneChoice } from "../text/tone/fit-tone-adjustment.js";

/**
 * Fits a model to profiles already built: the population parameters of each dimension as of `asOfDay`, in one pass
 * over the profiles (each dimension collects a few numbers per customer; no profile is kept). Past
 * {@link FIT_POPULATION_SAMPLE} customers the parameters are estimated from a deterministic sample of that many
 * (the model says so in `fittedOn`); everyone is scored against them.
 *
 * @example
 * const prepared = prepareProfiles(data, resolveOptions());
 * fitModelToProfiles(prepared.profiles, prepared.asOfDay, resolveOptions()).population; //=> 3000
 */
export function fitModelToProfiles(profiles: ReadonlyMap<string, CustomerProfile>, asOfDay: number, options: AdvocateOptions, tone?: ToneChoice): AdvocateModel {
  const weightSum = options.weights.loyalty + options.weights.commitment + options.weights.voice;
  // Without declared scales, one default scale spans every item answered: known before the pass from a store's columns.
  const scales =
    profiles instanceof ProfileStore && options.scales === undefined
      ? defaultScales(profiles.answerItems(), options.answerScale)
      : resolveScales(options.scales, profiles.values(), options.answerScale);
  const loyalty = new LoyaltyFitter(asOfDay, options.loyaltyHorizonWeeks);
  const commitment = new CommitmentFitter(scales, asOfDay, options.surveyHalfLifeDays);
  const voice = new VoiceFitter(asOfDay, options.socialHalfLifeDays, { topics: options.topics, voiceModel: options.voiceModel, windowDays: options.voiceWindowDays });
  let fittedOn = 0;
  for (const profile of fittingSample(profiles)) {
    loyalty.add(profile);
    commitment.add(profile);
    voice.add(profile);
    fittedOn += 1;
  }
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    asOf: dayToIso(asOfDay),
    asOfDay,
    population: profiles.size,
    ...(fittedOn < profiles.size ? { fittedOn } : {}),
    loyalty: loyalty.finish(),
    commitment: commitment.finish(),
    voice: voice.finish(),
    weights: {
      loyalty: options.weights.loyalty / weightSum,
      commitment: options.weights.commitment / weightSum,
      voice: options.weights.voice / weightSum,
    },
    minimum: { ...options.minimum },
    tone: tone ?? { method: "shipped", reason: 'read with the shipped tone model (toneModel "shipped", or profiles not built from records in memory)' },
  };
}

/** Customers fitted on, at most: a population parameter estimated from a quarter of a million customers drawn at random has a sampling error far below anything a score can show. */
export const FIT_POPULATION_SAMPLE = 250_000;

/**
 * The profiles the population parameters are estimated from: everyone up to {@link FIT_POPULATION_SAMPLE}, and past
 * it a deterministic hash sample of about that many (the same customers on every run; everyone is still scored).
 * Only sampled profiles are built, so fitting a million customers builds a quarter of them.
 */
function* fittingSample(profiles: ReadonlyMap<string, CustomerProfile>): Generator<CustomerProfile> {
  if (profiles.size <= FIT_POPULATION_SAMPLE) {
    yield* profiles.values();
    return;
  }
  if (profiles instanceof ProfileStore) {
    const ids = profiles.ids;
    for (let index = 0; index < ids.length; index += 1) if (inHashSample(ids[index] as string, ids.length, FIT_POPULATION_SAMPLE, POPULATION_SAMPLE_SEED)) yield profiles.profileAt(index);
    return;
  }
  for (const [customerId, profile] of profiles) if (inHashSample(customerId, profiles.size, FIT_POPULATION_SAMPLE, POPULATION_SAMPLE_SEED)) yield profile;
}

/**
 * Fits a plain, versioned, JSON-serialisable model from raw data: validates, applies exclusions, profiles, and
 * fits each dimension's population parameters. Save it with `JSON.stringify`; score with {@link score}.
 *
 * @example
 * const model = fitModel({ customers, purchases, surveys, social }, { asOf: "2024-06-30" });
 * model.version; //=> 1
 */
export function fitModel(data: AdvocateData, options: AdvocateOptionsInput = {}): AdvocateModel {
  checkDataShape(data, "fitModel");
  const resolved = resolveOptions(options);
  const prepared = prepareProfiles(data, resolved);
  return fitModelToProfiles(prepared.profiles, prepared.asOfDay, resolved, prepared.tone);
}
