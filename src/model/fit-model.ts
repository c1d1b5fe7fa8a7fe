import { CommitmentFitter } from "../commitment/fit-commitment.js";
import { defaultScales } from "../commitment/fit-scales.js";
import { LoyaltyFitter } from "../loyalty/fit-loyalty.js";
import type { CustomerProfile } from "../profile/customer-profile.js";
import { dayToIso } from "../profile/day.js";
import { prepareProfiles } from "../profile/prepare-profiles.js";
import { ProfileStore } from "../profile/profile-store.js";
import { resolveOptions, type AdvocateOptions, type AdvocateOptionsInput } from "../schema/options.js";
import type { AdvocateData } from "../schema/validate-data.js";
import { VoiceFitter } from "../voice/fit-voice.js";
import { MODEL_FORMAT, MODEL_VERSION, type AdvocateModel } from "./advocate-model.js";

/**
 * Fits a model to profiles already built: the population parameters of each dimension as of `asOfDay`, in one pass
 * over the profiles (each dimension collects a few numbers per customer; no profile is kept), so a store of a
 * million customers is fitted without holding a million profile objects.
 *
 * @example
 * const prepared = prepareProfiles(data, resolveOptions());
 * fitModelToProfiles(prepared.profiles, prepared.asOfDay, resolveOptions()).population; //=> 3000
 */
export function fitModelToProfiles(profiles: ReadonlyMap<string, CustomerProfile>, asOfDay: number, options: AdvocateOptions): AdvocateModel {
  const weightSum = options.weights.loyalty + options.weights.commitment + options.weights.voice;
  // Without declared scales, one default scale spans every item answered: known before the pass from a store's columns.
  const scales =
    options.scales ??
    defaultScales(profiles instanceof ProfileStore ? profiles.answerItems() : answerItemsOf(profiles.values()), options.answerScale);
  const loyalty = new LoyaltyFitter(asOfDay, options.loyaltyHorizonWeeks);
  const commitment = new CommitmentFitter(scales, asOfDay, options.surveyHalfLifeDays);
  const voice = new VoiceFitter(asOfDay, options.socialHalfLifeDays, { topics: options.topics, voiceModel: options.voiceModel, windowDays: options.voiceWindowDays });
  for (const profile of profiles.values()) {
    loyalty.add(profile);
    commitment.add(profile);
    voice.add(profile);
  }
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    asOf: dayToIso(asOfDay),
    asOfDay,
    population: profiles.size,
    loyalty: loyalty.finish(),
    commitment: commitment.finish(),
    voice: voice.finish(),
    weights: {
      loyalty: options.weights.loyalty / weightSum,
      commitment: options.weights.commitment / weightSum,
      voice: options.weights.voice / weightSum,
    },
    minimum: { ...options.minimum },
  };
}

function answerItemsOf(profiles: Iterable<CustomerProfile>): Set<string> {
  const items = new Set<string>();
  for (const profile of profiles) for (const response of profile.surveys) for (const [item] of response.answers) items.add(item);
  return items;
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
