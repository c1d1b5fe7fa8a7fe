import { median } from "simple-statistics";
import type { CustomerProfile } from "../profile/customer-profile.js";
import { resolveTopics } from "../text/topics.js";
import { brandActivity } from "./brand-activity.js";
import { publicActivity } from "./public-activity.js";
import { CriticismLandscapeCollector } from "./exposure.js";
import { DEFAULT_VOICE_MODEL, DEFAULT_VOICE_WINDOW_DAYS } from "./learn/default-voice-model.js";
import { VoiceModelFitter } from "./learn/fit-voice-model.js";
import type { VoiceParams } from "./voice-params.js";
import type * as z from "zod";
import { fitVoiceOptionsSchema } from "../schema/model-options.js";
import { parseOptions } from "../schema/parse-options.js";

/** Options of {@link fitVoice}. */
export type FitVoiceOptions = z.input<typeof fitVoiceOptionsSchema>;

/** Floor on the activity scale, so a population of near-silent customers does not make one post look loud. */
const MIN_ACTIVITY_SCALE = 1;

/**
 * Collects, one profile at a time, what the voice dimension's population parameters need (see {@link fitVoice}):
 * each customer's brand activity, the voice model's examples and the criticism landscape; `finish()` fits them.
 *
 * @example
 * const fitter = new VoiceFitter(19800, 180);
 * for (const profile of profiles.values()) fitter.add(profile);
 * fitter.finish().activityScale; //=> 1.6
 */
export class VoiceFitter {
  private readonly active: number[] = [];
  private readonly model: VoiceModelFitter | undefined;
  private readonly landscape: CriticismLandscapeCollector;

  constructor(
    private readonly asOfDay: number,
    private readonly halfLifeDays: number,
    options: FitVoiceOptions = {},
  ) {
    this.model = (options.voiceModel ?? "auto") === "auto" ? new VoiceModelFitter({ asOfDay, halfLifeDays, windowDays: options.windowDays ?? DEFAULT_VOICE_WINDOW_DAYS }) : undefined;
    this.landscape = new CriticismLandscapeCollector(asOfDay, halfLifeDays, resolveTopics(options.topics));
  }

  add(profile: CustomerProfile): void {
    // A customer without public activity still counts for the voice model (a buyer who never spoke up is a negative).
    this.model?.add(profile);
    if (profile.social.public.length === 0) return;
    const { activity } = brandActivity(publicActivity(profile, this.asOfDay, this.halfLifeDays));
    if (activity > 0) this.active.push(activity);
    this.landscape.add(profile);
  }

  finish(): VoiceParams {
    const activityScale = Math.max(MIN_ACTIVITY_SCALE, this.active.length > 0 ? median(this.active) : MIN_ACTIVITY_SCALE);
    return {
      activityScale,
      halfLifeDays: this.halfLifeDays,
      landscape: this.landscape.finish(),
      model: this.model?.finish() ?? { ...DEFAULT_VOICE_MODEL, reason: "default weights requested (voiceModel: \"default\")" },
    };
  }
}

/**
 * Fits the voice dimension's population parameters. Most customers never post (90-9-1), so the scale is the
 * median activity of those who do, not of everyone. Also maps where the brand is criticised (for exposure) and
 * fits the propensity model ({@link fitVoiceModel}: learned weights when they beat the defaults on a holdout).
 *
 * @example
 * fitVoice([...profileSet.profiles.values()], 19800, 180).activityScale; //=> 1.6
 */
export function fitVoice(profiles: Iterable<CustomerProfile>, asOfDay: number, halfLifeDays: number, options: FitVoiceOptions = {}): VoiceParams {
  parseOptions(fitVoiceOptionsSchema, options, "fitVoice");
  const fitter = new VoiceFitter(asOfDay, halfLifeDays, options);
  for (const profile of profiles) fitter.add(profile);
  return fitter.finish();
}
