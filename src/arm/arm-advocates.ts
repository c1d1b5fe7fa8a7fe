import type * as z from "zod";
import type { Advocate } from "./advocate.js";
import { compareText } from "../profile/order.js";
import { armOptionsSchema, type ArmOptions } from "../schema/arm-options.js";
import { criticismSchema, type CriticismInput, type Criticism } from "../schema/criticism.js";
import { factSchema, type BrandFact } from "../schema/fact.js";
import { parseOptions } from "../schema/parse-options.js";
import { responseProbability } from "../outcomes/response-model.js";
import { validateRecords } from "../schema/validate-records.js";
import { ValidationError } from "../schema/validation-error.js";
import type { TalkingPoint } from "./citation.js";
import { ADVOCACY_GUIDELINES, disclosureLine } from "./disclosure.js";
import { isConfidentlyFavourable } from "../text/tone/tone-trust.js";
import { detectTopics, resolveTopics, type TopicsOption } from "../text/topics.js";

export type { ArmOptions } from "../schema/arm-options.js";

/** Mistakes that are not typos, answered directly. */
const ARM_OPTION_HINTS = { incentives: "incentive", reward: "incentive", fact: "facts", brandName: "brand" };

/** A strong advocate who is not where the criticism is: tell them, rather than count on them seeing it. */
export interface AdvocateAlert {
  readonly customerId: string;
  readonly name?: string | undefined;
  readonly score: number;
  /** Where they are active instead. */
  readonly platforms: readonly string[];
  readonly exposure: number;
  /** Topics of the criticism they can vouch for first-hand. */
  readonly vouchesFor: readonly string[];
}

/** Everything one advocate needs to answer one criticism. */
export interface AdvocateKit {
  readonly customerId: string;
  readonly name?: string | undefined;
  readonly platform: string;
  readonly handle?: string | undefined;
  readonly score: number;
  /** Why this advocate was picked for this thread, in plain words. */
  readonly why: readonly string[];
  /** Angles, own-experience first; each cites its record or fact. */
  readonly angles: readonly TalkingPoint[];
  /** To be included in the post. */
  readonly disclosure: string;
  readonly guidelines: readonly string[];
}

/** The result of {@link armAdvocates}. */
export interface ArmResult {
  readonly criticism: Criticism;
  readonly topics: readonly string[];
  readonly kits: AdvocateKit[];
  /** Advocates not picked because they are not active on the criticism's platform (tell them; don't rank them). */
  readonly notOnPlatform: number;
  /** The strongest of those, to alert: best first, those who can vouch for the topic first. */
  readonly alerts: AdvocateAlert[];
  /** Advocates on the platform but beyond `maxPerThread`. */
  readonly overCap: number;
  /**
   * Advocates never armed because their own public brand posts lean negative (at least as many unfavourable as
   * favourable ones, by the tone model or by sentiment the records gave): arming a critic is the worst outcome.
   */
  readonly critics: number;
  /**
   * Set when no topic was found in the criticism (and none was given): then no advocate is armed, rather than the
   * same strongest advocates for every complaint. Give the criticism a `topic`, or choose `topics` for the industry.
   */
  readonly noTopic?: string | undefined;
}

/**
 * Whether an advocate's own public brand posts lean negative: at least as many unfavourable as favourable ones
 * (defences count as favourable). Such a customer is never armed, whatever their other scores.
 *
 * @example
 * isCritic(advocate); //=> false
 */
export function isCritic(advocate: Pick<Advocate, "evidence">): boolean {
  const { negativeMentions, positiveMentions, defences } = advocate.evidence.voice;
  return negativeMentions > 0 && negativeMentions >= positiveMentions + defences;
}

/** A quoted comment or post whose tone is not favourable with confidence is never an angle (even if a caller built it). */
function quotable(point: TalkingPoint): boolean {
  return point.tone === undefined || isConfidentlyFavourable({ sentiment: point.tone.score, sentimentConfidence: point.tone.confidence, sentimentGiven: point.tone.source === "given" });
}

function isOnPlatform(advocate: Advocate, platform: string): boolean {
  return advocate.platforms.includes(platform) || advocate.handles.some(([handlePlatform]) => handlePlatform === platform);
}

function validated<S extends z.ZodType>(schema: S, rows: readonly unknown[], source: string): z.output<S>[] {
  const result = validateRecords(schema, rows, source);
  if (result.problems.length > 0) throw new ValidationError(result.problems);
  return result.records.map(({ record }) => record);
}

/** The criticism's topics that the advocate's own points actually speak to, in the criticism's order. */
function sharedTopics(points: readonly TalkingPoint[], topics: readonly string[]): string[] {
  return topics.filter((topic) => points.some((point) => point.topics.includes(topic)));
}

function factPoint(fact: BrandFact): TalkingPoint {
  return {
    angle: "brand-fact",
    text: fact.claim,
    topics: [fact.topic],
    cites: [{ kind: "fact", id: fact.id, source: fact.source }],
  };
}

/**
 * Picks advocates for one piece of criticism and arms each with a kit: why them, angles from their own records
 * and from matching brand facts (every angle cites its source), the disclosure line and guidelines.
 * Advocates must be active on the criticism's platform; those whose own experience matches the criticism's
 * topic come first; at most `maxPerThread` are picked.
 *
 * @throws {ValidationError} on an invalid criticism or fact.
 * @throws {RangeError} on a bad or unknown option (with the closest known one), or an incentive tied to what the
 * advocate says (tone, rating, recommending).
 * @example
 * const { kits } = armAdvocates(advocates, { platform: "twitter", text: "Northwind shipping is so slow" }, { brand: "Northwind Coffee", facts });
 * kits[0]?.disclosure; //=> "Disclosure: Northwind Coffee asked me to share my experience."
 */
export function armAdvocates(advocates: readonly Advocate[], criticism: CriticismInput, options: ArmOptions): ArmResult {
  const { facts: factRows, brand, maxPerThread, incentive, topics: givenTopics, maxAlerts, responseModel } = parseOptions(armOptionsSchema, options, "armAdvocates", ARM_OPTION_HINTS);
  // One valid row in gives exactly one record out (an invalid one has thrown).
  const thread = validated(criticismSchema, [criticism], "criticism")[0] as Criticism;
  const facts = validated(factSchema, factRows ?? [], "facts");
  const topicMap = resolveTopics(givenTopics);
  // The given topic leads; topics detected in the text are kept too (a complaint is often about two things).
  const topics = [...new Set([...(thread.topic === undefined ? [] : [thread.topic]), ...detectTopics(thread.text, topicMap)])];
  const disclosure = disclosureLine(brand, incentive);

  // Never arm a critic: an advocate whose own brand posts lean negative is left out of kits and alerts alike.
  const critics = advocates.filter(isCritic).length;
  const trusted = advocates.filter((advocate) => !isCritic(advocate)).map((advocate) => ({ ...advocate, talkingPoints: advocate.talkingPoints.filter(quotable) }));
  if (topics.length === 0) {
    return {
      criticism: thread,
      topics,
      kits: [],
      notOnPlatform: 0,
      alerts: [],
      overCap: 0,
      critics,
      noTopic: "no topic found in the criticism: nobody was armed (give it a topic, or choose topics for the industry)",
    };
  }
  const present = trusted.filter((advocate) => isOnPlatform(advocate, thread.platform));
  const speaksTo = (point: TalkingPoint): boolean => point.topics.some((topic) => topics.includes(topic));
  const vouchesFor = (advocate: Advocate): string[] => topics.filter((topic) => advocate.knowledge.topics.includes(topic));
  // First-hand experience of the topic first (a cited point, or at least knowledge from their records), then score.
  // With a response model, the score is weighed by the chance they answer the invitation at all.
  const expectedScore = (advocate: Advocate): number =>
    responseModel === undefined ? advocate.score : advocate.score * responseProbability(responseModel, { score: advocate.score, loyalty: advocate.loyalty, commitment: advocate.commitment, voice: advocate.voice, exposure: advocate.exposure.score });
  const byFit = <T extends { advocate: Advocate; relevant: readonly TalkingPoint[] }>(a: T, b: T): number =>
    Number(b.relevant.length > 0) - Number(a.relevant.length > 0) ||
    Number(vouchesFor(b.advocate).length > 0) - Number(vouchesFor(a.advocate).length > 0) ||
    expectedScore(b.advocate) - expectedScore(a.advocate) ||
    b.advocate.score - a.advocate.score ||
    compareText(a.advocate.customerId, b.advocate.customerId);
  const candidates = present.map((advocate) => ({ advocate, relevant: advocate.talkingPoints.filter(speaksTo) })).sort(byFit);
  const alerts = trusted
    .filter((advocate) => !isOnPlatform(advocate, thread.platform))
    .map((advocate) => ({ advocate, relevant: advocate.talkingPoints.filter(speaksTo) }))
    .sort(byFit)
    .slice(0, maxAlerts)
    .map(
      ({ advocate }): AdvocateAlert => ({
        customerId: advocate.customerId,
        name: advocate.name,
        score: advocate.score,
        platforms: advocate.platforms,
        exposure: advocate.exposure.score,
        vouchesFor: vouchesFor(advocate),
      }),
    );
  const matchingFacts = facts.filter((fact) => topics.includes(fact.topic)).sort((a, b) => compareText(a.id, b.id));

  const kits = candidates.slice(0, maxPerThread).map(({ advocate, relevant }): AdvocateKit => {
    const handle = advocate.handles.find(([platform]) => platform === thread.platform)?.[1];
    const why = [
      `active on ${thread.platform}${handle === undefined ? "" : ` as ${handle}`}`,
      relevant.length > 0 ? `own experience with ${sharedTopics(relevant, topics).join(", ")}` : "no first-hand record on this topic: general experience only",
      ...advocate.reasons,
    ];
    const others = advocate.talkingPoints.filter((point) => !speaksTo(point));
    return {
      customerId: advocate.customerId,
      name: advocate.name,
      platform: thread.platform,
      handle,
      score: advocate.score,
      why,
      angles: [...relevant, ...others, ...matchingFacts.map(factPoint)],
      disclosure,
      guidelines: ADVOCACY_GUIDELINES,
    };
  });
  return {
    criticism: thread,
    topics,
    kits,
    notOnPlatform: trusted.length - present.length,
    alerts,
    overCap: Math.max(0, present.length - maxPerThread),
    critics,
  };
}
