import type { AdvocateOptions } from "../schema/options.js";
import type { InputProblem } from "../schema/problem.js";
import type { AdvocateData } from "../schema/validate-data.js";
import { ValidationError } from "../schema/validation-error.js";
import type { ProfileSet } from "./customer-profile.js";
import { toDay } from "./day.js";
import { ExclusionFactsCollector, ExclusionPolicy } from "./exclusion-policy.js";
import { countExclusions, type ExclusionCounts, type ExclusionReason } from "./exclusions.js";
import { mergeStores } from "./merge-stores.js";
import { ProfileBuilder } from "./profile-builder.js";
import { RECORD_KINDS, RecordIntake } from "./record-intake.js";
import type { ProfileStore } from "./profile-store.js";
import { surveySchema } from "../schema/survey.js";
import { attitudeOf, fitToneAdjustment, type AttitudeExample, type ToneChoice } from "../text/tone/fit-tone-adjustment.js";
import { shippedToneModel } from "../text/tone/read-tone.js";

/** Profiles ready to fit and score, with everything that was left out accounted for. */
export interface PreparedProfiles extends ProfileSet {
  readonly profiles: ProfileStore;
  readonly asOfDay: number;
  readonly excluded: ExclusionCounts;
  readonly problems: InputProblem[];
  /** Which tone reader read the comments and posts, and why (see `fitToneAdjustment`). */
  readonly tone?: ToneChoice | undefined;
}

/** What reading all the records left, ready to be finished into prepared profiles. */
export interface ReadProfiles {
  /** Stores built from parts of the records (customer records first, then the rest), to merge. */
  readonly stores: readonly ProfileStore[];
  /** The exclusion policy the customer records gave. */
  readonly policy: ExclusionPolicy;
  /** Customers left out while reading, with why. */
  readonly excluded: ReadonlyMap<string, ExclusionReason>;
  /** The latest purchase, survey or social day among all valid records (excluded customers' too). */
  readonly latestSeenDay: number | undefined;
  readonly problems: InputProblem[];
  readonly totalProblems: number;
}

/**
 * Finishes a preparation once every record has been read: resolves "as of" (the `asOf` option, or the latest
 * purchase, survey or social day in the data), merges the stores while applying the invitation cool-down that
 * needed it, and throws the strict-mode error. Shared by {@link prepareProfiles} and the file reader.
 *
 * @throws {ValidationError} in strict mode on any bad row.
 * @throws {RangeError} when the data has no dated event and no `asOf` is given.
 * @example
 * const prepared = finishPreparation({ stores, policy, excluded, latestSeenDay, problems, totalProblems }, options);
 */
export function finishPreparation(read: ReadProfiles, options: AdvocateOptions): PreparedProfiles {
  if (read.totalProblems > 0 && options.mode === "strict") throw new ValidationError(read.problems.slice(0, options.maxProblems), read.totalProblems);
  const asOfDay = options.asOf === undefined ? read.latestSeenDay : toDay(options.asOf);
  if (asOfDay === undefined) {
    throw new RangeError("No purchase, survey or social record has a date, so there is no 'as of' day: pass the asOf option.");
  }
  // With "as of" given, the cool-down was applied while reading; otherwise it applies now that "as of" is known.
  const merged = mergeStores(read.stores, read.policy.asOf(asOfDay));
  const excluded = new Map(read.excluded);
  for (const [id, reason] of merged.excluded) if (!excluded.has(id)) excluded.set(id, reason);
  const profiles = merged.store;
  return { profiles, latestDay: profiles.latestDay, asOfDay, excluded: countExclusions(excluded), problems: read.problems };
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
  const tone = toneChoice(data, options, policy);
  // Customer records are profiled apart (who is excluded is known only once all of them are read) and merged in.
  const builder = new ProfileBuilder({ topics: options.topics, exclude: policy, brand: options.brand, toneAdjustment: tone?.adjustment });
  const intake = new RecordIntake(builder, options, { problems: customers.problems });
  for (const kind of RECORD_KINDS) {
    if (kind === "customers") continue;
    row = 0;
    for (const raw of data[kind] ?? []) intake.add(kind, raw, { source: options.sourceNames[kind], row: (row += 1) });
  }
  const latest = [customers.builder.latestEventDay(), builder.latestEventDay()].filter((day): day is number => day !== undefined);
  const prepared = finishPreparation(
    {
      stores: customers.builder.size > 0 ? [customers.builder.build(), builder.build()] : [builder.build()],
      policy,
      excluded: builder.exclusions(),
      latestSeenDay: latest.length > 0 ? Math.max(...latest) : undefined,
      problems: intake.problems.problems,
      totalProblems: intake.problems.total,
    },
    options,
  );
  return tone === undefined ? prepared : { ...prepared, tone };
}

/**
 * The tone reader for this data: with `toneModel: "auto"`, an adjustment of the shipped model fitted to the survey
 * comments whose NPS or CSAT says their attitude (valid records of customers who may be profiled, dated on or before
 * `asOf` when it is given, so a backtest never learns from after its split), kept only if the holdout says so.
 */
function toneChoice(data: AdvocateData, options: AdvocateOptions, policy: ExclusionPolicy): ToneChoice | undefined {
  // The shipped reader, as every other path reads (the fitted model says so).
  if (options.toneModel === "shipped") return undefined;
  // Fitting needs a first pass over the surveys: only an array can be read twice (an iterator is read once, below).
  if (data.surveys !== undefined && !Array.isArray(data.surveys)) return { method: "shipped", reason: "surveys were given as an iterator, read once: no tone adjustment fitted" };
  const asOfDay = options.asOf === undefined ? undefined : toDay(options.asOf);
  const examples: AttitudeExample[] = [];
  for (const raw of (data.surveys ?? []) as readonly unknown[]) {
    const parsed = surveySchema.safeParse(raw);
    if (!parsed.success || parsed.data.comment === undefined || policy.reasonFor(parsed.data.customerId) !== undefined) continue;
    if (asOfDay !== undefined && toDay(parsed.data.date) > asOfDay) continue;
    const label = attitudeOf(parsed.data.nps, parsed.data.csat);
    // Keyed by content, not position, so the holdout is the same whatever the order of the rows.
    if (label !== undefined) examples.push({ text: parsed.data.comment, label, key: `${parsed.data.customerId}|${toDay(parsed.data.date)}|${parsed.data.comment}` });
  }
  const knowsBrand = options.brand.names.length > 0 || options.brand.handles.length > 0;
  return fitToneAdjustment(shippedToneModel(), examples, knowsBrand ? { brand: options.brand } : {});
}
