import { fitCommitment } from "../commitment/fit-commitment.js";
import { fitLoyalty } from "../loyalty/fit-loyalty.js";
import type { CustomerProfile } from "../profile/customer-profile.js";
import { dayToIso } from "../profile/day.js";
import { prepareProfiles } from "../profile/prepare-profiles.js";
import { resolveOptions, type AdvocateOptions, type AdvocateOptionsInput } from "../schema/options.js";
import type { AdvocateData } from "../schema/validate-data.js";
import { fitVoice } from "../voice/fit-voice.js";
import { MODEL_FORMAT, MODEL_VERSION, type AdvocateModel } from "./advocate-model.js";

/**
 * Fits a model to profiles already built: the population parameters of each dimension as of `asOfDay`.
 *
 * @example
 * const prepared = prepareProfiles(data, resolveOptions());
 * fitModelToProfiles(prepared.profiles, prepared.asOfDay, resolveOptions()).population; //=> 3000
 */
export function fitModelToProfiles(profiles: ReadonlyMap<string, CustomerProfile>, asOfDay: number, options: AdvocateOptions): AdvocateModel {
  const weightSum = options.weights.loyalty + options.weights.commitment + options.weights.voice;
  const population = [...profiles.values()];
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    asOf: dayToIso(asOfDay),
    asOfDay,
    population: profiles.size,
    loyalty: fitLoyalty(population, asOfDay, options.loyaltyHorizonWeeks),
    commitment: fitCommitment(population, asOfDay, {
      halfLifeDays: options.surveyHalfLifeDays,
      scales: options.scales,
      answerScale: options.answerScale,
    }),
    voice: fitVoice(population, asOfDay, options.socialHalfLifeDays, {
      topics: options.topics,
      voiceModel: options.voiceModel,
      windowDays: options.voiceWindowDays,
    }),
    weights: {
      loyalty: options.weights.loyalty / weightSum,
      commitment: options.weights.commitment / weightSum,
      voice: options.weights.voice / weightSum,
    },
    minimum: { ...options.minimum },
  };
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
  const resolved = resolveOptions(options);
  const prepared = prepareProfiles(data, resolved);
  return fitModelToProfiles(prepared.profiles, prepared.asOfDay, resolved);
}
