import type { AdvocateOptions } from "../schema/options.js";
import type { InputProblem } from "../schema/problem.js";
import { validateData, type AdvocateData } from "../schema/validate-data.js";
import type { ProfileSet } from "./customer-profile.js";
import { buildProfiles } from "./build-profiles.js";
import { toDay } from "./day.js";
import { countExclusions, excludedCustomers, type ExclusionCounts } from "./exclusions.js";
import { latestEventDay } from "./latest-event-day.js";

/** Profiles ready to fit and score, with everything that was left out accounted for. */
export interface PreparedProfiles extends ProfileSet {
  readonly asOfDay: number;
  readonly excluded: ExclusionCounts;
  readonly problems: InputProblem[];
}

/**
 * The first half of the pipeline: validate → resolve "as of" → exclude (opt-out, consent, cool-down) → profile.
 *
 * @throws {ValidationError} in strict mode on any bad row.
 * @throws {RangeError} when the data has no dated event and no `asOf` is given.
 * @example
 * const prepared = prepareProfiles(data, resolveOptions({ requireConsent: true }));
 * prepared.excluded.noConsent; //=> 120
 */
export function prepareProfiles(data: AdvocateData, options: AdvocateOptions): PreparedProfiles {
  const validated = validateData(data, options);
  const asOfDay = options.asOf === undefined ? latestEventDay(validated) : toDay(options.asOf);
  if (asOfDay === undefined) {
    throw new RangeError("No purchase, survey or social record has a date, so there is no 'as of' day: pass the asOf option.");
  }
  const excluded = excludedCustomers(validated, options, asOfDay);
  const profileSet = buildProfiles(validated, { exclude: excluded, topics: options.topics });
  return { ...profileSet, asOfDay, excluded: countExclusions(excluded), problems: validated.problems };
}
