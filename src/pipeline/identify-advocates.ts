import { ownTalkingPoints } from "../arm/own-talking-points.js";
import type { TopicMap } from "../profile/profile-builder.js";
import { DEFAULT_TOPICS } from "../text/topics.js";
import { knowledgeOf } from "../voice/knowledge.js";
import type { AdvocateModel } from "../model/advocate-model.js";
import { fitModelToProfiles } from "../model/fit-model.js";
import { score, type CustomerScore } from "../model/score.js";
import type { CustomerProfile } from "../profile/customer-profile.js";
import type { ExclusionCounts } from "../profile/exclusions.js";
import { prepareProfiles, type PreparedProfiles } from "../profile/prepare-profiles.js";
import { profileAsOf } from "../profile/profile-as-of.js";
import { resolveOptions, type AdvocateOptions, type AdvocateOptionsInput } from "../schema/options.js";
import type { InputProblem } from "../schema/problem.js";
import { checkDataShape } from "../schema/data-shape.js";
import type { AdvocateData } from "../schema/validate-data.js";
import type { Advocate } from "../arm/advocate.js";
import { BestOf } from "../rank/best-of.js";
import { compareRank } from "../rank/rank-order.js";
import { reasonsFor } from "../rank/reasons.js";
import { round4 } from "../rank/round.js";
import { rankingWarnings } from "../rank/ranking-warnings.js";
import type { UnmatchedAuthor } from "../profile/thread-facts.js";
import { findPersonas, type Persona, type ScorePoint } from "../rank/personas.js";
import { SEGMENTS, segmentOf, type Segment } from "../rank/segment.js";
import { statedVsRevealed, type LoyaltyQuadrant, type StatedVsRevealed } from "../rank/stated-vs-revealed.js";

/** Customers not listed, by reason. Opt-out, consent and cool-down are applied before profiling. */
export interface ExcludedCounts extends ExclusionCounts {
  /** Profiled, but below the minimum on at least one dimension. */
  readonly belowMinimum: number;
}

/** The result of {@link identifyAdvocates}. */
export interface AdvocateResult {
  readonly asOf: string;
  /** Eligible customers, best first (cut to `top` when given). */
  readonly advocates: Advocate[];
  /** How many customers were scored (after exclusions). */
  readonly scored: number;
  readonly excluded: ExcludedCounts;
  /** Customers per segment, over everyone scored. */
  readonly segments: Record<Segment, number>;
  /** Over everyone scored: Dick & Basu quadrants, and how many say more than they do (or do more than they say). */
  readonly statedVsRevealed: {
    readonly quadrants: Record<LoyaltyQuadrant, number>;
    readonly claimedPromoters: number;
    readonly silentCommitted: number;
  };
  /**
   * What deserves attention: reading (empty or mostly unreadable sources, rows left out, unmatched authors,
   * duplicates), fitting (e.g. a survey scale with Cronbach's alpha below 0.7) and ranking (a dimension without data,
   * an empty list and why).
   */
  readonly warnings: readonly string[];
  /** Public voices who are not known customers, defenders first (never scored; see `PreparedProfiles`). */
  readonly unmatchedAuthors: readonly UnmatchedAuthor[];
  /** Bad rows skipped in lenient mode (empty in strict mode, which throws instead). */
  readonly problems: InputProblem[];
  /** k-means personas over everyone scored, strongest first (only with the `personas` option). */
  readonly personas?: Persona[] | undefined;
  readonly model: AdvocateModel;
}

/** A scored customer with the judgements made once while counting, reused when the advocate is written out. */
interface Judged {
  readonly customer: CustomerScore;
  readonly segment: Segment;
  readonly checked: StatedVsRevealed;
}

function toAdvocate(rank: number, { customer, segment, checked }: Judged, profile: CustomerProfile, persona: string | undefined, topics: TopicMap): Advocate {
  return {
    rank,
    customerId: customer.customerId,
    name: profile.name,
    score: round4(customer.advocate),
    loyalty: round4(customer.loyalty.score),
    commitment: round4(customer.commitment.score),
    voice: round4(customer.voice.score),
    confidence: round4(customer.confidence),
    segment,
    loyaltyQuadrant: checked.quadrant,
    flags: { claimedPromoter: checked.claimedPromoter, silentCommitted: checked.silentCommitted },
    persona,
    reasons: reasonsFor(customer),
    talkingPoints: ownTalkingPoints(profile, topics),
    handles: profile.handles,
    platforms: customer.voice.evidence.platforms,
    exposure: { score: round4(customer.exposure.score), presence: customer.exposure.presence.map(([platform, presence]) => [platform, round4(presence)] as const) },
    knowledge: knowledgeOf(profile, topics),
    evidence: { loyalty: customer.loyalty.evidence, commitment: customer.commitment.evidence, voice: customer.voice.evidence },
  };
}

/**
 * The main job: validate → profile → fit → score → rank. Returns the customers who are at once behaviourally
 * loyal, emotionally committed and vocal, best first, each with reasons and talking points from their own records.
 * Opted-out customers (and, with `requireConsent`, those without consent, and those invited within the cool-down)
 * are removed before profiling and never appear. Deterministic: the same input and options give the same output.
 *
 * @throws {ValidationError} in strict mode (the default) on any bad row.
 * @throws {TypeError} if `data` is not an object of record arrays (a file name instead of records, `null`).
 * @throws {RangeError} on a bad or unknown option (with the closest known option).
 * @example
 * const { advocates } = identifyAdvocates({ customers, purchases, surveys, social }, { top: 20 });
 * advocates[0]?.reasons; //=> ["bought on 31 days over 3.4 years, …", "latest NPS 10/10 (promoter) …", "…"]
 */
export function identifyAdvocates(data: AdvocateData, options: AdvocateOptionsInput = {}): AdvocateResult {
  checkDataShape(data, "identifyAdvocates");
  const resolved = resolveOptions(options);
  return rankProfiles(prepareProfiles(data, resolved), resolved);
}

/**
 * The second half of {@link identifyAdvocates}: fit → score → rank → talking points on profiles already prepared.
 * Profiles hold every record and each dimension reads only what is known "as of" `prepared.asOfDay`, so one
 * preparation can be ranked with other options (minimums, weights) without validating and profiling again. Pass a
 * model already fitted to these profiles (`fitModelToProfiles`) to rank without fitting again; its weights and
 * minimums then apply.
 *
 * @example
 * const options = resolveOptions({ minimum: { loyalty: 0, commitment: 0, voice: 0 } });
 * const everyone = rankProfiles(prepareProfiles(data, options), options).advocates;
 */
export function rankProfiles(prepared: PreparedProfiles, resolved: AdvocateOptions, fitted?: AdvocateModel): AdvocateResult {
  const model = fitted ?? fitModelToProfiles(prepared.profiles, prepared.asOfDay, resolved, prepared.tone);
  const segments = Object.fromEntries(Object.keys(SEGMENTS).map((segment) => [segment, 0])) as Record<Segment, number>;
  // Only the best `top` are written out, so only they are kept (all of them without `top`).
  const eligible = new BestOf<Judged>((a, b) => compareRank(a.customer, b.customer), resolved.top);
  const points: ScorePoint[] = [];
  let belowMinimum = 0;
  const quadrants: Record<LoyaltyQuadrant, number> = { "true-loyalty": 0, "latent-loyalty": 0, "spurious-loyalty": 0, "no-loyalty": 0 };
  let claimedPromoters = 0;
  let silentCommitted = 0;
  const withData = { loyalty: 0, commitment: 0, voice: 0 };
  const below = { loyalty: 0, commitment: 0, voice: 0 };
  for (const profile of prepared.profiles.values()) {
    const customer = score(profile, model);
    const segment = segmentOf(customer);
    const checked = statedVsRevealed(customer);
    segments[segment] += 1;
    quadrants[checked.quadrant] += 1;
    if (checked.claimedPromoter) claimedPromoters += 1;
    if (checked.silentCommitted) silentCommitted += 1;
    if (resolved.personas !== undefined) {
      points.push({ customerId: customer.customerId, loyalty: customer.loyalty.score, commitment: customer.commitment.score, voice: customer.voice.score });
    }
    for (const dimension of ["loyalty", "commitment", "voice"] as const) {
      if (customer[dimension].confidence > 0) withData[dimension] += 1;
      if (customer[dimension].score < model.minimum[dimension]) below[dimension] += 1;
    }
    if (customer.eligible) eligible.add({ customer, segment, checked });
    else belowMinimum += 1;
  }
  const clustering = resolved.personas === undefined ? undefined : findPersonas(points, { k: resolved.personas, seed: resolved.seed });
  const listed = eligible.sorted();
  return {
    asOf: model.asOf,
    advocates: listed.map((judged, index) => {
      const { customerId } = judged.customer;
      // Written from the records dated on or before "as of" only: nothing later may reach an output.
      return toAdvocate(index + 1, judged, profileAsOf(prepared.profiles, customerId, model.asOfDay)!, clustering?.assignment.get(customerId), resolved.topics ?? DEFAULT_TOPICS);
    }),
    scored: prepared.profiles.size,
    excluded: { ...prepared.excluded, belowMinimum },
    segments,
    statedVsRevealed: { quadrants, claimedPromoters, silentCommitted },
    warnings: [
      ...prepared.warnings,
      ...model.commitment.warnings,
      ...rankingWarnings({ scored: prepared.profiles.size, withData, belowMinimum: below, listed: listed.length }, model.minimum, model.weights),
    ],
    unmatchedAuthors: prepared.unmatchedAuthors,
    problems: prepared.problems,
    personas: clustering?.personas,
    model,
  };
}
