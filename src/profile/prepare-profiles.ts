import type { AdvocateOptions } from "../schema/options.js";
import type { InputProblem } from "../schema/problem.js";
import type { AdvocateData } from "../schema/validate-data.js";
import { ValidationError } from "../schema/validation-error.js";
import type { ProfileSet } from "./customer-profile.js";
import { toDay } from "./day.js";
import { ExclusionFactsCollector, ExclusionPolicy } from "./exclusion-policy.js";
import { countExclusions, type ExclusionCounts } from "./exclusions.js";
import { ProfileBuilder } from "./profile-builder.js";
import { RECORD_KINDS, RecordIntake } from "./record-intake.js";
import type { ProfileStore } from "./profile-store.js";

/** Profiles ready to fit and score, with everything that was left out accounted for. */
export interface PreparedProfiles extends ProfileSet {
  readonly profiles: ProfileStore;
  readonly asOfDay: number;
  readonly excluded: ExclusionCounts;
  readonly problems: InputProblem[];
}

/**
 * Finishes a preparation once every record has been read: resolves "as of" (the `asOf` option, or the latest
 * purchase, survey or social day in the data), applies the invitation cool-down that needed it, and throws the
 * strict-mode error. Shared by {@link prepareProfiles} and the file reader.
 *
 * @throws {ValidationError} in strict mode on any bad row.
 * @throws {RangeError} when the data has no dated event and no `asOf` is given.
 * @example
 * const prepared = finishPreparation(builder, policy, problems, total, options);
 */
export function finishPreparation(
  builder: ProfileBuilder,
  policy: ExclusionPolicy,
  problems: InputProblem[],
  totalProblems: number,
  options: AdvocateOptions,
): PreparedProfiles {
  if (totalProblems > 0 && options.mode === "strict") throw new ValidationError(problems.slice(0, options.maxProblems), totalProblems);
  const asOfDay = options.asOf === undefined ? builder.latestEventDay() : toDay(options.asOf);
  if (asOfDay === undefined) {
    throw new RangeError("No purchase, survey or social record has a date, so there is no 'as of' day: pass the asOf option.");
  }
  // With "as of" given, the cool-down was applied while reading; otherwise it applies now that "as of" is known.
  const profiles = builder.build(policy.asOf(asOfDay));
  return { profiles, latestDay: profiles.latestDay, asOfDay, excluded: countExclusions(builder.exclusions()), problems };
}

/**
 * The first half of the pipeline: validate → resolve "as of" → exclude (opt-out, consent, cool-down) → profile.
 * Records are validated and profiled one at a time, never held: customer records first (they decide who may be
 * profiled), then purchases, surveys and social activity, whose excluded customers' records are never read into
 * a profile.
 *
 * @throws {ValidationError} in strict mode on any bad row.
 * @throws {RangeError} when the data has no dated event and no `asOf` is given.
 * @example
 * const prepared = prepareProfiles(data, resolveOptions({ requireConsent: true }));
 * prepared.excluded.noConsent; //=> 120
 */
export function prepareProfiles(data: AdvocateData, options: AdvocateOptions): PreparedProfiles {
  const facts = new ExclusionFactsCollector();
  const customers = new RecordIntake(new ProfileBuilder(), options, { facts });
  let row = 0;
  for (const raw of data.customers ?? []) customers.add("customers", raw, { source: options.sourceNames.customers, row: (row += 1) });
  const policy = new ExclusionPolicy(facts.facts(), {
    requireConsent: options.requireConsent,
    cooldownDays: options.cooldownDays,
    asOfDay: options.asOf === undefined ? undefined : toDay(options.asOf),
  });
  const builder = new ProfileBuilder({ topics: options.topics, exclude: policy });
  builder.addShard(customers.builder.toShard());
  const intake = new RecordIntake(builder, options, { problems: customers.problems });
  for (const kind of RECORD_KINDS) {
    if (kind === "customers") continue;
    row = 0;
    for (const raw of data[kind] ?? []) intake.add(kind, raw, { source: options.sourceNames[kind], row: (row += 1) });
  }
  return finishPreparation(builder, policy, intake.problems.problems, intake.problems.total, options);
}
