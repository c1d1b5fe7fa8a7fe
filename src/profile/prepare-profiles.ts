import { resolveReading } from "../schema/columns/source-reading.js";
import type { AdvocateOptions } from "../schema/options.js";
import type { InputProblem, RecordRef } from "../schema/problem.js";
import { formatProblem } from "../schema/problem.js";
import type { AdvocateData } from "../schema/validate-data.js";
import { SOURCE_FILES, type SourceFileNote } from "../schema/record-origin.js";
import { ValidationError } from "../schema/validation-error.js";
import type { ProfileSet } from "./customer-profile.js";
import { dayToIso, toDay } from "./day.js";
import { findDuplicatePurchases, withoutPurchases } from "./duplicate-purchases.js";
import { NO_DAY } from "./event-codes.js";
import { ExclusionFactsCollector, ExclusionPolicy } from "./exclusion-policy.js";
import { countExclusions, type ExclusionCounts, type ExclusionReason } from "./exclusions.js";
import { IdentityCollector, IdentityIndex } from "./identity-index.js";
import { addInvitations } from "./invitation-cooldown.js";
import { mergeStores } from "./merge-stores.js";
import { ProfileBuilder, type Exclusions, type UnprofiledCounts } from "./profile-builder.js";
import { RECORD_KINDS, RecordIntake, type IntakeReadings } from "./record-intake.js";
import type { ProfileStore } from "./profile-store.js";
import { sourceWarnings, type SourceSummary } from "./read-summary.js";
import { markThreadReplies, type ThreadMarks } from "./thread-marking.js";
import { ThreadResolver, type ThreadFacts, type UnmatchedAuthor } from "./thread-facts.js";
import { surveySchemaFor } from "../schema/survey.js";
import { RecordMapper } from "../schema/columns/record-mapper.js";
import { originOf } from "../schema/record-origin.js";
import { attitudeOf, fitToneAdjustment, type AttitudeExample, type ToneChoice } from "../text/tone/fit-tone-adjustment.js";
import { shippedToneModel } from "../text/tone/read-tone.js";

export type { SourceSummary } from "./read-summary.js";
export type { UnmatchedAuthor } from "./thread-facts.js";

/** Profiles ready to fit and score, with everything that was left out accounted for. */
export interface PreparedProfiles extends ProfileSet {
  readonly profiles: ProfileStore;
  readonly asOfDay: number;
  readonly excluded: ExclusionCounts;
  readonly problems: InputProblem[];
  /** What reading found worth saying: empty or mostly unreadable sources, rows left out, unmatched authors, duplicates. */
  readonly warnings: string[];
  /** Rows per source. */
  readonly sources: SourceSummary[];
  /**
   * Public voices who are not known customers (authors no customer's handle or e-mail matches), defenders first:
   * never scored or ranked, only counted — prospects to recognise.
   */
  readonly unmatchedAuthors: UnmatchedAuthor[];
  /** What rebuilding threads from post ids found. */
  readonly threads: ThreadMarks;
  /** Exact duplicate purchase rows found, how many were dropped (with the `dedupe` option), and a few examples. */
  readonly duplicatePurchases: { readonly rows: number; readonly dropped: number; readonly examples: ReadonlyArray<{ readonly repeat: RecordRef; readonly of: RecordRef }> };
  /** Which tone reader read the comments and posts, and why (see `fitToneAdjustment`). */
  readonly tone?: ToneChoice | undefined;
}

/**
 * Thrown when no dated record of a customer who may be profiled could be read (and no `asOf` was given): an empty
 * or unreadable file, lenient mode skipping every row, or everyone excluded. A RangeError, as before; the CLI exits
 * with its own code.
 */
export class NoRecordsError extends RangeError {
  override readonly name = "NoRecordsError";
}

/** What reading all the records left, ready to be finished into prepared profiles. */
export interface ReadProfiles {
  /** Stores built from parts of the records (customer records first, then the rest), to merge. */
  readonly stores: readonly ProfileStore[];
  /** The exclusion policy the customer records gave. */
  readonly policy: ExclusionPolicy;
  /** Customers left out while reading, with why. */
  readonly excluded: ReadonlyMap<string, ExclusionReason>;
  readonly problems: InputProblem[];
  readonly totalProblems: number;
  /** Rows with a problem (a row may have several). */
  readonly badRows: number;
  /** Customers whose purchase, survey or social rows carried an opt-out: dropped from every store. */
  readonly optOuts?: Iterable<string> | undefined;
  readonly threads?: readonly ThreadFacts[] | undefined;
  readonly unprofiled?: readonly UnprofiledCounts[] | undefined;
  readonly sources?: readonly SourceSummary[] | undefined;
}

/** The latest record day of the stores' customers, leaving out those `dropped` (they leave no trace, not even here). */
function latestDay(stores: readonly ProfileStore[], dropped: ReadonlySet<string>): number | undefined {
  let latest = NO_DAY;
  for (const store of stores) {
    if (dropped.size === 0) {
      if (store.latestDay !== undefined && store.latestDay > latest) latest = store.latestDay;
      continue;
    }
    const { ids, latestDayOf } = store.columns;
    for (let index = 0; index < ids.length; index += 1) if (!dropped.has(ids[index] as string) && (latestDayOf[index] as number) > latest) latest = latestDayOf[index] as number;
  }
  return latest === NO_DAY ? undefined : latest;
}

/** The reading's notes on social records it could not profile. */
function unprofiledWarnings(counts: readonly UnprofiledCounts[]): string[] {
  const total = (key: keyof UnprofiledCounts) => counts.reduce((sum, count) => sum + count[key], 0);
  const warnings: string[] = [];
  const unmatched = total("unmatchedSocial");
  if (unmatched > 0) {
    const ambiguous = total("ambiguousSocial");
    warnings.push(
      `${unmatched} social record${unmatched === 1 ? "" : "s"} by authors no customer's handle or e-mail matches: not profiled, counted in unmatchedAuthors${ambiguous > 0 ? ` (${ambiguous} name a handle or e-mail several customers share)` : ""}`,
    );
  }
  return warnings;
}

/**
 * Finishes a preparation once every record has been read: resolves "as of" (the `asOf` option, or the latest
 * purchase, survey or social day of the customers profiled — an excluded customer's records move nothing), merges
 * the stores while applying the exclusions that needed all the data (opt-outs found in purchase, survey or social
 * rows; the invitation cool-down), rebuilds threads, finds duplicate purchases, and says what deserves a warning.
 * Shared by {@link prepareProfiles} and the file reader.
 *
 * @throws {ValidationError} in strict mode on any bad row.
 * @throws {RangeError} when no dated record could be read and no `asOf` is given (with the problems, if any).
 * @example
 * const prepared = finishPreparation({ stores, policy, excluded, problems, totalProblems, badRows }, options);
 */
export function finishPreparation(read: ReadProfiles, options: AdvocateOptions): PreparedProfiles {
  if (read.totalProblems > 0 && options.mode === "strict") throw new ValidationError(read.problems.slice(0, options.maxProblems), read.totalProblems, read.badRows);
  const optOuts = new Set(read.optOuts ?? []);
  const asOfDay = options.asOf === undefined ? latestDay(read.stores, optOuts) : toDay(options.asOf);
  if (asOfDay === undefined) {
    const shown = read.problems.slice(0, 5).map((problem) => `\n  - ${formatProblem(problem)}`).join("");
    const skipped = read.badRows > 0 ? ` Lenient mode skipped ${read.badRows} bad row${read.badRows === 1 ? "" : "s"}:${shown}${read.badRows > 5 ? "\n  …" : ""}` : "";
    const left = read.excluded.size + optOuts.size;
    const why = left > 0 ? ` (${left} customer${left === 1 ? " was" : "s were"} excluded before profiling: opted out, or without consent)` : "";
    throw new NoRecordsError(`No purchase, survey or social record of a customer who may be profiled could be read${why}, so there is no 'as of' day: nothing to rank.${skipped}${skipped === "" ? " Pass the asOf option to rank as of a day anyway." : ""}`);
  }
  const policy = read.policy.asOf(asOfDay);
  const exclude: Exclusions = { reasonFor: (id) => (optOuts.has(id) ? "optedOut" : policy.reasonFor(id)) };
  const merged = mergeStores(read.stores, exclude);
  const excluded = new Map(read.excluded);
  for (const [id, reason] of merged.excluded) if (!excluded.has(id)) excluded.set(id, reason);
  let profiles = merged.store;
  const threads = new ThreadResolver(read.threads ?? []);
  const marks = threads.empty ? { aboutBrand: 0, defences: 0 } : markThreadReplies(profiles, threads);
  const warnings = [...sourceWarnings(read.sources ?? []), ...unprofiledWarnings(read.unprofiled ?? [])];
  const duplicates = findDuplicatePurchases(profiles);
  if (duplicates.rows > 0) {
    // The rows themselves are in duplicatePurchases.examples (citations), not in the text.
    const files = [...new Set(duplicates.examples.map(({ repeat }) => repeat.source))].join(", ");
    warnings.push(
      options.dedupe
        ? `${duplicates.rows} exact duplicate purchase row${duplicates.rows === 1 ? "" : "s"} (same customer, order, product, amount and day) in ${files} dropped (examples in duplicatePurchases)`
        : `${duplicates.rows} purchase row${duplicates.rows === 1 ? " repeats" : "s repeat"} an earlier row exactly (same customer, order, product, amount and day) in ${files}: counted twice; pass dedupe to drop them (examples in duplicatePurchases)`,
    );
    if (options.dedupe) profiles = withoutPurchases(profiles, duplicates.events);
  }
  return {
    profiles,
    latestDay: profiles.latestDay,
    asOfDay,
    excluded: countExclusions(excluded),
    problems: read.problems,
    warnings,
    sources: [...(read.sources ?? [])],
    unmatchedAuthors: threads.unmatchedAuthors(dayToIso),
    threads: marks,
    duplicatePurchases: { rows: duplicates.rows, dropped: options.dedupe ? duplicates.rows : 0, examples: duplicates.examples },
  };
}

/** Each kind's reading from the options (column mapping, preset, formats), for records given in memory. */
export function readingsOf(options: AdvocateOptions): IntakeReadings {
  return { byKind: Object.fromEntries(RECORD_KINDS.map((kind) => [kind, resolveReading(kind, options)])) };
}

/**
 * The first half of the pipeline: validate → resolve "as of" → exclude (opt-out, consent, cool-down) → profile.
 * Records are mapped to the library's fields by the `columns` and `sources` options, validated and profiled one at a
 * time, never held: customer records first (they decide who may be profiled, and who holds which e-mail and
 * handle), then purchases, surveys and social activity, whose excluded customers' records are never read into a
 * profile.
 *
 * @throws {ValidationError} in strict mode on any bad row.
 * @throws {RangeError} when the data has no dated event and no `asOf` is given.
 * @example
 * const prepared = prepareProfiles(data, resolveOptions({ requireConsent: true }));
 * prepared.excluded.noConsent; //=> 120
 */
export function prepareProfiles(data: AdvocateData, options: AdvocateOptions): PreparedProfiles {
  const readings = readingsOf(options);
  const intakeOptions = { ...options, readings };
  const facts = new ExclusionFactsCollector();
  const identities = new IdentityCollector();
  const customers = new RecordIntake(new ProfileBuilder(), intakeOptions, { facts, identities });
  let row = 0;
  for (const raw of data.customers ?? []) customers.add("customers", raw, { source: options.sourceNames.customers, row: (row += 1) });
  const invitationProblems = data.invitations === undefined ? [] : addInvitations(facts, data.invitations, "invitations");
  for (const problem of invitationProblems) customers.problems.add(problem);
  if (invitationProblems.length > 0) customers.rejected.customers += new Set(invitationProblems.map((problem) => problem.row)).size;
  const policy = new ExclusionPolicy(facts.facts(), {
    requireConsent: options.requireConsent,
    cooldownDays: options.cooldownDays,
    asOfDay: options.asOf === undefined ? undefined : toDay(options.asOf),
  });
  const tone = toneChoice(data, options, policy);
  // Customer records are profiled apart (who is excluded is known only once all of them are read) and merged in.
  const builder = new ProfileBuilder({ topics: options.topics, exclude: policy, brand: options.brand, identities: new IdentityIndex(identities.facts()), toneAdjustment: tone?.adjustment });
  const intake = new RecordIntake(builder, intakeOptions, { problems: customers.problems });
  for (const kind of RECORD_KINDS) {
    if (kind === "customers") continue;
    row = 0;
    for (const raw of data[kind] ?? []) intake.add(kind, raw, { source: options.sourceNames[kind], row: (row += 1) });
  }
  const given = RECORD_KINDS.filter((kind) => data[kind] !== undefined);
  const tallies = new Map([...customers.tallies, ...intake.tallies]);
  const sources: SourceSummary[] = [...tallies].map(([source, tally]) => ({ source, kind: tally.kind, rows: tally.rows, rejected: tally.rejected, leftOut: [...tally.leftOut] }));
  // A source given but empty has no tally: it still deserves its warning (files read by loadData are named beside
  // their records; an array from code by its source name).
  for (const kind of given) {
    const files = (data[kind] as { [SOURCE_FILES]?: readonly SourceFileNote[] })[SOURCE_FILES] ?? [{ source: options.sourceNames[kind], allowEmpty: false }];
    for (const file of files) {
      if (!sources.some((source) => source.source === file.source)) sources.push({ source: file.source, kind, rows: 0, rejected: 0, leftOut: [], allowEmpty: file.allowEmpty });
    }
  }
  const prepared = finishPreparation(
    {
      stores: customers.builder.size > 0 ? [customers.builder.build(), builder.build()] : [builder.build()],
      policy,
      excluded: builder.exclusions(),
      problems: intake.problems.problems,
      totalProblems: intake.problems.total,
      badRows: Object.values(customers.rejected).reduce((a, b) => a + b, 0) + Object.values(intake.rejected).reduce((a, b) => a + b, 0),
      optOuts: builder.optOutsSeen(),
      threads: [builder.threadFacts()],
      unprofiled: [builder.unprofiledCounts()],
      sources,
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
  const reading = resolveReading("surveys", options);
  const mapper = new RecordMapper(reading, options.sourceNames.surveys);
  const schema = surveySchemaFor(reading.rules);
  for (const raw of (data.surveys ?? []) as readonly unknown[]) {
    // Read as the profile builder will read it: mapped by the options' columns (records from files are mapped already).
    const parsed = (originOf(raw) === undefined ? schema : surveySchemaFor(originOf(raw)?.rules ?? reading.rules)).safeParse(originOf(raw) === undefined ? mapper.map(raw) : raw);
    const customer = parsed.success ? (parsed.data.customerId ?? parsed.data.email?.toLowerCase()) : undefined;
    if (!parsed.success || customer === undefined || parsed.data.comment === undefined || policy.reasonFor(customer) !== undefined) continue;
    if (asOfDay !== undefined && toDay(parsed.data.date) > asOfDay) continue;
    const label = attitudeOf(parsed.data.nps, parsed.data.csat);
    // Keyed by content, not position, so the holdout is the same whatever the order of the rows.
    if (label !== undefined) examples.push({ text: parsed.data.comment, label, key: `${customer}|${toDay(parsed.data.date)}|${parsed.data.comment}` });
  }
  const knowsBrand = options.brand.names.length > 0 || options.brand.handles.length > 0;
  return fitToneAdjustment(shippedToneModel(), examples, knowsBrand ? { brand: options.brand } : {});
}
