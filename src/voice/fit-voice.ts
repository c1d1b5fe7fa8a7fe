import { median } from "simple-statistics";
import type { CustomerProfile } from "../profile/customer-profile.js";
import { DEFAULT_TOPICS } from "../text/topics.js";
import { brandActivity } from "./brand-activity.js";
import { publicActivity } from "./public-activity.js";
import { criticismLandscape } from "./exposure.js";
import { DEFAULT_VOICE_MODEL, DEFAULT_VOICE_WINDOW_DAYS } from "./learn/default-voice-model.js";
import { fitVoiceModel } from "./learn/fit-voice-model.js";
import type { VoiceParams } from "./voice-params.js";

/** Options of {@link fitVoice}. */
export interface FitVoiceOptions {
  readonly topics?: Readonly<Record<string, readonly string[]>> | undefined;
  /** "auto" (default) learns the propensity weights when the data allows; "default" keeps the documented ones. */
  readonly voiceModel?: "auto" | "default" | undefined;
  readonly windowDays?: number | undefined;
}

/** Floor on the activity scale, so a population of near-silent customers does not make one post look loud. */
const MIN_ACTIVITY_SCALE = 1;

/**
 * Fits the voice dimension's population parameters. Most customers never post (90-9-1), so the scale is the
 * median activity of those who do, not of everyone. Also maps where the brand is criticised (for exposure) and
 * fits the propensity model ({@link fitVoiceModel}: learned weights when they beat the defaults on a holdout).
 *
 * @example
 * fitVoice([...profileSet.profiles.values()], 19800, 180).activityScale; //=> 1.6
 */
export function fitVoice(
  profiles: readonly CustomerProfile[],
  asOfDay: number,
  halfLifeDays: number,
  options: FitVoiceOptions = {},
): VoiceParams {
  const active: number[] = [];
  for (const profile of profiles) {
    const { activity } = brandActivity(publicActivity(profile, asOfDay, halfLifeDays));
    if (activity > 0) active.push(activity);
  }
  const activityScale = Math.max(MIN_ACTIVITY_SCALE, active.length > 0 ? median(active) : MIN_ACTIVITY_SCALE);
  const model =
    (options.voiceModel ?? "auto") === "auto"
      ? fitVoiceModel(profiles, { asOfDay, halfLifeDays, windowDays: options.windowDays ?? DEFAULT_VOICE_WINDOW_DAYS })
      : { ...DEFAULT_VOICE_MODEL, reason: "default weights requested (voiceModel: \"default\")" };
  return {
    activityScale,
    halfLifeDays,
    landscape: criticismLandscape(profiles, asOfDay, halfLifeDays, options.topics ?? DEFAULT_TOPICS),
    model,
  };
}
