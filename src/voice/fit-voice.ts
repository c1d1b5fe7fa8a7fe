import { median } from "simple-statistics";
import type { CustomerProfile } from "../profile/customer-profile.js";
import { DEFAULT_TOPICS } from "../text/topics.js";
import { brandActivity } from "./brand-activity.js";
import { criticismLandscape } from "./exposure.js";
import { REACH_CAP } from "./voice-features.js";
import type { VoiceParams } from "./voice-params.js";

/** Floor on the activity scale, so a population of near-silent customers does not make one post look loud. */
const MIN_ACTIVITY_SCALE = 1;

/**
 * Fits the voice dimension's population parameters. Most customers never post (90-9-1), so the scale is the
 * median activity of those who do, not of everyone. Also maps where the brand is criticised, for exposure.
 *
 * @example
 * fitVoice([...profileSet.profiles.values()], 19800, 180).activityScale; //=> 1.6
 */
export function fitVoice(
  profiles: readonly CustomerProfile[],
  asOfDay: number,
  halfLifeDays: number,
  topics: Readonly<Record<string, readonly string[]>> = DEFAULT_TOPICS,
): VoiceParams {
  const active: number[] = [];
  for (const profile of profiles) {
    const { activity } = brandActivity(profile, asOfDay, halfLifeDays);
    if (activity > 0) active.push(activity);
  }
  const activityScale = Math.max(MIN_ACTIVITY_SCALE, active.length > 0 ? median(active) : MIN_ACTIVITY_SCALE);
  return { activityScale, halfLifeDays, reachCap: REACH_CAP, landscape: criticismLandscape(profiles, asOfDay, halfLifeDays, topics) };
}
