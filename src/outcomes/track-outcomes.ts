import { median } from "simple-statistics";
import { handleKey } from "../profile/identity-index.js";
import { compareText } from "../profile/order.js";
import { postKey } from "../profile/thread-facts.js";
import { invitationSchema, invitationSchemaFor, type InvitationInput } from "../schema/invitation.js";
import { brandIdentitySchema } from "../schema/options.js";
import { parseOptions } from "../schema/parse-options.js";
import type { InputProblem } from "../schema/problem.js";
import { socialSchema, socialSchemaFor, type SocialActivity, type SocialActivityInput } from "../schema/social.js";
import { validateRecords } from "../schema/validate-records.js";
import { ValidationError } from "../schema/validation-error.js";
import { BrandMatcher } from "../text/brand-mention.js";
import { readTone } from "../text/tone/read-tone.js";
import * as z from "zod";

/** Options of {@link trackOutcomes}. Strict, like every options object. */
export const trackOutcomesOptionsSchema = z.strictObject({
  /** How long after the invitation a post still counts as its answer (default 72 hours). */
  windowHours: z.number().positive().finite().default(72),
  brand: brandIdentitySchema,
  mode: z.enum(["strict", "lenient"]).default("strict"),
  /**
   * Words that show a post disclosed its material connection (case-insensitive; defaults: the library's disclosure
   * line, "#ad", "#sponsored", "#partner", "asked me to share", "gave me", "in exchange").
   */
  disclosureMarks: z.array(z.string().min(1)).optional(),
});

/** Options of `trackOutcomes`, as callers write them. */
export type TrackOutcomesOptions = z.input<typeof trackOutcomesOptionsSchema>;

const DISCLOSURE_MARKS = ["disclosure:", "#ad", "#sponsored", "#partner", "asked me to share", "gave me", "in exchange", "i was invited", "invited me to"];

/** What came of one invitation. */
export interface InvitationOutcome {
  readonly kitId: string;
  readonly customerId: string;
  readonly threadId: string;
  readonly platform: string;
  readonly responded: boolean;
  /** In the thread itself (a reply under the criticism), or a post about the brand on that platform. */
  readonly where?: "thread" | "platform" | undefined;
  readonly respondedAt?: string | undefined;
  readonly hoursToRespond?: number | undefined;
  /** −1..1: how the response reads toward the brand. */
  readonly tone?: number | undefined;
  /** The post carries a disclosure of the material connection. */
  readonly disclosed?: boolean | undefined;
  readonly engagement?: number | undefined;
  /** Posted without the disclosure: remind them (endorsement rules make the brand liable). */
  readonly needsReminder: boolean;
  readonly incentive: string;
  readonly segment?: string | undefined;
  readonly score?: number | undefined;
  /** The advocate's scores when invited (score, loyalty, commitment, voice, exposure; absent ones undefined). */
  readonly features: readonly (number | undefined)[];
}

/** Responses over invitations in one group. */
export interface ResponseRate {
  readonly group: string;
  readonly invited: number;
  readonly responded: number;
  readonly rate: number;
}

/** The result of {@link trackOutcomes}. */
export interface OutcomeReport {
  readonly outcomes: InvitationOutcome[];
  readonly invited: number;
  readonly responded: number;
  readonly disclosed: number;
  readonly needReminder: readonly string[];
  /** Response rates by the advocate's segment, platform, score decile (`0.7–0.8`) and incentive. */
  readonly bySegment: ResponseRate[];
  readonly byPlatform: ResponseRate[];
  readonly byScoreDecile: ResponseRate[];
  readonly byIncentive: ResponseRate[];
  /** Per criticism thread: the median and first time to an advocate's reply, in hours (threads with a response). */
  readonly byThread: ReadonlyArray<{ readonly threadId: string; readonly invited: number; readonly responded: number; readonly hoursToFirstReply?: number | undefined }>;
  /** The median, over threads with a response, of the hours to their first advocate reply. */
  readonly medianHoursToFirstReply?: number | undefined;
  readonly problems: InputProblem[];
}

const HOUR = 3_600_000;
const round2 = (value: number) => Math.round(value * 100) / 100;

function rates(outcomes: readonly InvitationOutcome[], groupOf: (outcome: InvitationOutcome) => string): ResponseRate[] {
  const groups = new Map<string, { invited: number; responded: number }>();
  for (const outcome of outcomes) {
    const key = groupOf(outcome);
    const group = groups.get(key) ?? { invited: 0, responded: 0 };
    group.invited += 1;
    if (outcome.responded) group.responded += 1;
    groups.set(key, group);
  }
  return [...groups].sort(([a], [b]) => compareText(a, b)).map(([group, { invited, responded }]) => ({ group, invited, responded, rate: round2(responded / invited) }));
}

/**
 * Closes the loop: what came of each invitation. From the invitations the arm step wrote (`invitationsOf`) and the
 * public activity read later (the social input: any platform, authors by handle, threads by `postId` /
 * `inReplyTo`), it matches to each invitation the invited advocate's first post after it, within `windowHours`: a
 * reply in the criticism's thread, or else a post about the brand on that platform. It reports per invitation
 * whether they responded, how fast, how the response reads, whether it disclosed the material connection (advocates
 * who posted without it are flagged for a reminder) and its engagement; and response rates by segment, platform,
 * score decile and incentive, and the time to the first advocate reply per criticism.
 *
 * @throws {ValidationError} in strict mode on a bad invitation or post.
 * @example
 * const report = trackOutcomes(invitations, laterMentions, { brand: { names: ["Northwind"], handles: ["@NorthwindCoffee"] } });
 * report.byPlatform; //=> [{ group: "twitter", invited: 12, responded: 5, rate: 0.42 }]
 */
export function trackOutcomes(
  invitations: Iterable<InvitationInput | Record<string, unknown>>,
  social: Iterable<SocialActivityInput | Record<string, unknown>>,
  options: TrackOutcomesOptions = {},
): OutcomeReport {
  const resolved = parseOptions(trackOutcomesOptionsSchema, options, "trackOutcomes");
  const invited = validateRecords(invitationSchema, invitations, "invitations", 1, invitationSchemaFor);
  const posts = validateRecords(socialSchema, social, "social", 1, socialSchemaFor, ["customerId", "author", "authorEmail"]);
  const problems = [...invited.problems, ...posts.problems];
  if (problems.length > 0 && resolved.mode === "strict") throw new ValidationError(problems, problems.length, invited.rejectedRows + posts.rejectedRows);
  const brand = new BrandMatcher(resolved.brand);
  const knowsBrand = resolved.brand.names.length > 0 || resolved.brand.handles.length > 0;
  const marks = (resolved.disclosureMarks ?? DISCLOSURE_MARKS).map((mark) => mark.toLowerCase());
  const window = resolved.windowHours * HOUR;

  // Every post's thread root, so a reply several levels down a criticism's thread is in it.
  const parentOf = new Map<string, string>();
  for (const { record } of posts.records) {
    if (record.postId !== undefined && record.inReplyTo !== undefined) parentOf.set(postKey(record.platform, record.postId), postKey(record.platform, record.inReplyTo));
  }
  const rootOf = (key: string): string => {
    let current = key;
    const seen = new Set<string>();
    while (parentOf.has(current) && !seen.has(current)) {
      seen.add(current);
      current = parentOf.get(current) as string;
    }
    return current;
  };
  // Posts by author (customer ID, and platform handle), in time order.
  const byAuthor = new Map<string, SocialActivity[]>();
  const add = (key: string, record: SocialActivity) => {
    const list = byAuthor.get(key);
    if (list === undefined) byAuthor.set(key, [record]);
    else list.push(record);
  };
  for (const { record } of posts.records) {
    if (!record.public) continue;
    if (record.customerId !== undefined) add(`id\u0000${record.customerId}`, record);
    if (record.author !== undefined) add(handleKey(record.platform, record.author), record);
  }
  for (const list of byAuthor.values()) list.sort((a, b) => a.date.getTime() - b.date.getTime());

  const outcomes = invited.records.map(({ record: invitation }): InvitationOutcome => {
    const from = invitation.invitedAt.getTime();
    const candidates = [...(byAuthor.get(`id\u0000${invitation.customerId}`) ?? []), ...(invitation.handle === undefined ? [] : (byAuthor.get(handleKey(invitation.platform, invitation.handle)) ?? []))]
      .filter((post) => post.platform === invitation.platform && post.date.getTime() > from && post.date.getTime() <= from + window)
      .sort((a, b) => a.date.getTime() - b.date.getTime());
    const threadRoot = (() => {
      const at = invitation.threadId.indexOf(":");
      return at < 0 ? invitation.threadId : postKey(invitation.threadId.slice(0, at), invitation.threadId.slice(at + 1));
    })();
    const inThread = candidates.find((post) => post.postId !== undefined && rootOf(postKey(post.platform, post.postId)) === threadRoot) ?? candidates.find((post) => post.inReplyTo !== undefined && rootOf(postKey(post.platform, post.inReplyTo)) === threadRoot);
    const onPlatform = inThread ?? candidates.find((post) => post.mentionsBrand ?? (brand.mentions(post.text) || brand.mentions(post.title)));
    const base = {
      kitId: invitation.kitId,
      customerId: invitation.customerId,
      threadId: invitation.threadId,
      platform: invitation.platform,
      incentive: invitation.incentive ?? "none",
      segment: invitation.segment,
      score: invitation.score,
      features: [invitation.score, invitation.loyalty, invitation.commitment, invitation.voice, invitation.exposure],
    };
    if (onPlatform === undefined) return { ...base, responded: false, needsReminder: false };
    const text = `${onPlatform.title ?? ""} ${onPlatform.text ?? ""}`.toLowerCase();
    const disclosed = marks.some((mark) => text.includes(mark));
    return {
      ...base,
      responded: true,
      where: inThread === undefined ? "platform" : "thread",
      respondedAt: onPlatform.date.toISOString(),
      hoursToRespond: round2((onPlatform.date.getTime() - from) / HOUR),
      tone: onPlatform.sentiment ?? (onPlatform.text === undefined ? 0 : readTone(onPlatform.text, knowsBrand ? { brand: resolved.brand } : {}).score),
      disclosed,
      engagement: onPlatform.engagement ?? 0,
      needsReminder: !disclosed,
    };
  });
  const threads = new Map<string, InvitationOutcome[]>();
  for (const outcome of outcomes) threads.set(outcome.threadId, [...(threads.get(outcome.threadId) ?? []), outcome]);
  const byThread = [...threads]
    .sort(([a], [b]) => compareText(a, b))
    .map(([threadId, list]) => {
      const hours = list.filter((outcome) => outcome.responded).map((outcome) => outcome.hoursToRespond as number);
      return { threadId, invited: list.length, responded: hours.length, hoursToFirstReply: hours.length === 0 ? undefined : Math.min(...hours) };
    });
  const firsts = byThread.flatMap((thread) => (thread.hoursToFirstReply === undefined ? [] : [thread.hoursToFirstReply]));
  const decile = (value: number | undefined) => {
    if (value === undefined) return "unknown";
    const low = Math.min(9, Math.floor(value * 10));
    return `${(low / 10).toFixed(1)}–${((low + 1) / 10).toFixed(1)}`;
  };
  return {
    outcomes,
    invited: outcomes.length,
    responded: outcomes.filter((outcome) => outcome.responded).length,
    disclosed: outcomes.filter((outcome) => outcome.disclosed === true).length,
    needReminder: [...new Set(outcomes.filter((outcome) => outcome.needsReminder).map((outcome) => outcome.customerId))].sort(compareText),
    bySegment: rates(outcomes, (outcome) => outcome.segment ?? "unknown"),
    byPlatform: rates(outcomes, (outcome) => outcome.platform),
    byScoreDecile: rates(outcomes, (outcome) => decile(outcome.score)),
    byIncentive: rates(outcomes, (outcome) => outcome.incentive),
    byThread,
    medianHoursToFirstReply: firsts.length === 0 ? undefined : round2(median(firsts)),
    problems,
  };
}
