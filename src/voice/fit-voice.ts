import { median } from "simple-statistics";
import type { CustomerProfile } from "../profile/customer-profile.js";
import { brandActivity } from "./brand-activity.js";
import type { VoiceParams } from "./voice-params.js";

/** Floor on the activity scale, so a population of near-silent customers does not make one post look loud. */
const MIN_ACTIVITY_SCALE = 1;
/** Reach counts in full at a million followers (log scale): beyond that, audience size says nothing about loyalty. */
const REACH_CAP = 1_000_000;

/**
 * Fits the voice dimension's population parameters. Most customers never post (90-9-1), so the scale is the
 * median activity of those who do, not of everyone.
 *
 * @example
 * fitVoice(profileSet.profiles.values(), 19800, 180).activityScale; //=> 1.6
 */
export function fitVoice(profiles: Iterable<CustomerProfile>, asOfDay: number, halfLifeDays: number): VoiceParams {
  const active: number[] = [];
  for (const profile of profiles) {
    const { activity } = brandActivity(profile, asOfDay, halfLifeDays);
    if (activity > 0) active.push(activity);
  }
  const activityScale = Math.max(MIN_ACTIVITY_SCALE, active.length > 0 ? median(active) : MIN_ACTIVITY_SCALE);
  return { activityScale, halfLifeDays, reachCap: REACH_CAP };
}
