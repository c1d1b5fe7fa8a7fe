import type { CustomerProfile } from "../profile/customer-profile.js";
import { dayToIso, toDay } from "../profile/day.js";
import { compareText } from "../profile/order.js";
import { prepareProfiles, type PreparedProfiles } from "../profile/prepare-profiles.js";
import { backtestOptionsSchema, type BacktestOptions } from "../schema/backtest-options.js";
import { checkDataShape } from "../schema/data-shape.js";
import { ADVOCATE_OPTION_HINTS, resolveOptions, type AdvocateOptions } from "../schema/options.js";
import { parseOptions } from "../schema/parse-options.js";
import type { AdvocateData } from "../schema/validate-data.js";
import { stanceOf } from "../voice/public-activity.js";
import { round4 } from "../rank/round.js";
import { rankProfiles } from "./identify-advocates.js";

export type { BacktestOptions } from "../schema/backtest-options.js";

/** How one ranking did in the top k. */
export interface RankingOutcome {
  /** Share of the top k who defended the brand or posted favourably about it after the split. */
  readonly precisionAtK: number;
  readonly hits: number;
}

/** What a backtest measured. */
export interface BacktestResult {
  readonly splitDate: string;
  /** The last day with data: outcomes are read over (splitDate, endDate]. */
  readonly endDate: string;
  readonly k: number;
  /** Customers ranked (known before the split, after exclusions). */
  readonly customers: number;
  /** Of those, how many defended the brand or posted favourably about it in public after the split. */
  readonly positives: number;
  readonly baseRate: number;
  readonly advocateRanking: RankingOutcome;
  /** Ranking by the latest NPS answer before the split, most recent first among equals (customers without one
   * last): the field's default way to pick advocates. */
  readonly npsRanking: RankingOutcome;
  /** Precision@k of the advocate ranking over the base rate (a random pick); absent when nobody posted. */
  readonly liftOverRandom?: number | undefined;
  /** Precision@k of the advocate ranking over the NPS-only ranking's; absent when NPS picked nobody who posted. */
  readonly liftOverNps?: number | undefined;
}

/** Ranking options a backtest sets itself, answered directly. */
const BACKTEST_HINTS = {
  ...ADVOCATE_OPTION_HINTS,
  top: "k (a backtest ranks everyone and measures its top k)",
  asOf: "splitDate (a backtest ranks as of the split)",
  minimum: "nothing: a backtest ranks everyone, with no minimums",
};

/** A favourable public brand post (or defence) after `fromDay`: what the ranking is meant to predict. */
function spokeUpAfter(profile: CustomerProfile, fromDay: number): boolean {
  return profile.social.public.some(
    (post) => post.day > fromDay && post.mentionsBrand && (stanceOf(post) === "favourable" || stanceOf(post) === "defence"),
  );
}

function outcome(ranked: readonly string[], positives: ReadonlySet<string>, k: number): RankingOutcome {
  const hits = ranked.slice(0, k).filter((customerId) => positives.has(customerId)).length;
  return { precisionAtK: k > 0 ? round4(hits / k) : 0, hits };
}

/**
 * Backtests the ranking: builds everything from the data on or before `splitDate` (as if it were "now"), then
 * checks who actually defended the brand or posted favourably about it in public afterwards. Reports precision@k
 * of the advocate ranking, its lift over a random pick, and over ranking by NPS alone — the number that tells a
 * data scientist whether to trust the ranking on their own data.
 *
 * @throws {RangeError} if `splitDate` is not before the last event in the data, or on a bad or unknown option.
 * @throws {TypeError} if `data` is not an object of record arrays.
 * @example
 * const result = backtest(data, { splitDate: "2026-01-01", k: 50 });
 * result.liftOverNps; //=> 2.4
 */
export function backtest(data: AdvocateData, options: BacktestOptions): BacktestResult {
  checkDataShape(data, "backtest");
  const split = backtestSplit(options);
  return backtestProfiles(prepareProfiles(data, split.options), options);
}

/**
 * The options a backtest prepares its profiles with: the ranking options "as of" the split day, with no minimums
 * (everyone is ranked). Prepare the profiles with them — `prepareProfiles`, or `profileFiles` for files — and pass
 * the result to {@link backtestProfiles}.
 *
 * @throws {RangeError} if `splitDate` is not a date, or on a bad or unknown option.
 * @example
 * const { options } = backtestSplit({ splitDate: "2026-01-01" });
 * backtestProfiles(await profileFiles(files, options), { splitDate: "2026-01-01" }).liftOverNps; //=> 2.4
 */
export function backtestSplit(options: BacktestOptions): { splitDay: number; options: AdvocateOptions } {
  // splitDate and k are the backtest's own options, not ranking options.
  const { splitDate, k: _k, ...rankingOptions } = parseOptions(backtestOptionsSchema, options, "backtest", BACKTEST_HINTS);
  return { splitDay: toDay(splitDate), options: resolveOptions({ ...rankingOptions, asOf: splitDate, minimum: { loyalty: 0, commitment: 0, voice: 0 } }) };
}

/**
 * {@link backtest} on profiles already prepared with {@link backtestSplit}'s options: one preparation serves both the
 * ranking as of the split and the outcomes after it.
 *
 * @throws {RangeError} if `splitDate` is not before the last event in the data.
 * @example
 * backtestProfiles(prepareProfiles(data, backtestSplit({ splitDate: "2026-01-01" }).options), { splitDate: "2026-01-01" });
 */
export function backtestProfiles(prepared: PreparedProfiles, options: BacktestOptions): BacktestResult {
  const { splitDay, options: resolved } = backtestSplit(options);
  const requestedK = options.k;
  const endDay = prepared.latestDay ?? splitDay;
  if (!(endDay > splitDay)) {
    throw new RangeError(`backtest: splitDate ${dayToIso(splitDay)} must be before the last event in the data (${dayToIso(endDay)})`);
  }
  const ranking = rankProfiles(prepared, resolved);
  // Customers known before the split: those with any purchase, answer or post on or before it.
  const known = ranking.advocates.filter((advocate) => knownBy(prepared.profiles.get(advocate.customerId)!, splitDay));
  const positives = new Set(known.filter((advocate) => spokeUpAfter(prepared.profiles.get(advocate.customerId)!, splitDay)).map((a) => a.customerId));
  const k = Math.min(requestedK ?? 50, known.length);
  const byAdvocate = known.map((advocate) => advocate.customerId);
  const byNps = known
    .map((advocate) => ({
      customerId: advocate.customerId,
      nps: advocate.evidence.commitment.latestNps,
      answered: advocate.evidence.commitment.latestNpsDay,
    }))
    // The field's default pick: highest NPS first; among equal answers the most recent, as a marketer would.
    .sort((a, b) => (b.nps ?? -1) - (a.nps ?? -1) || (b.answered ?? -1) - (a.answered ?? -1) || compareText(a.customerId, b.customerId))
    .map((entry) => entry.customerId);
  const advocateRanking = outcome(byAdvocate, positives, k);
  const npsRanking = outcome(byNps, positives, k);
  const baseRate = known.length > 0 ? positives.size / known.length : 0;
  return {
    splitDate: dayToIso(splitDay),
    endDate: dayToIso(endDay),
    k,
    customers: known.length,
    positives: positives.size,
    baseRate: round4(baseRate),
    advocateRanking,
    npsRanking,
    liftOverRandom: baseRate > 0 ? round4(advocateRanking.precisionAtK / baseRate) : undefined,
    liftOverNps: npsRanking.precisionAtK > 0 ? round4(advocateRanking.precisionAtK / npsRanking.precisionAtK) : undefined,
  };
}

function knownBy(profile: CustomerProfile, day: number): boolean {
  return (
    (profile.purchases.days[0] ?? Infinity) <= day ||
    profile.surveys.some((response) => response.day <= day) ||
    profile.social.public.some((post) => post.day <= day)
  );
}
