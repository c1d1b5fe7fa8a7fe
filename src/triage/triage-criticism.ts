import { armAdvocates, type AdvocateKit } from "../arm/arm-advocates.js";
import type { CriticismInput } from "../schema/criticism.js";
import type { AdvocateModel } from "../model/advocate-model.js";
import { score } from "../model/score.js";
import { IdentityCollector, IdentityIndex } from "../profile/identity-index.js";
import { compareText } from "../profile/order.js";
import { postKey } from "../profile/thread-facts.js";
import type { InputProblem } from "../schema/problem.js";
import { parseOptions } from "../schema/parse-options.js";
import { socialSchema, socialSchemaFor, type SocialActivityInput } from "../schema/social.js";
import { triageOptionsSchema, type TriageOptions } from "../schema/triage-options.js";
import { validateRecords } from "../schema/validate-records.js";
import { ValidationError } from "../schema/validation-error.js";
import { BrandMatcher } from "../text/brand-mention.js";
import { readsNegative } from "../text/tone-reading.js";
import { readTone } from "../text/tone/read-tone.js";
import { detectTopics, resolveTopics } from "../text/topics.js";
import { threadsOf, type ReadMention } from "./criticism-thread.js";
import { DEFAULT_TOPIC_SEVERITY, NO_TOPIC_SEVERITY, REPEAT_COMPLAINTS, SEVERITY_WEIGHTS } from "./severity.js";

export type { TriageOptions } from "../schema/triage-options.js";

/** What makes a thread severe, each 0..1 (see {@link SEVERITY_WEIGHTS}). */
export interface SeverityParts {
  /** How negative its harshest criticism reads. */
  readonly tone: number;
  /** The complainer's value to the brand: their loyalty score (0 for someone who is not a known customer). */
  readonly customerValue: number;
  /** Whether the complainer keeps complaining: 0 for a first complaint, 1 from the fourth. */
  readonly repeat: number;
  /** How much its topics weigh (billing and safety more than a question of taste). */
  readonly topic: number;
}

/** One piece of criticism — a thread — with what to do about it, and by when. */
export interface TriagedThread {
  /** `platform:postId` of the thread's first post (or of the mention, when it has no id). */
  readonly id: string;
  readonly platform: string;
  /** Every criticism in it came through a private channel (a support ticket, a DM): the brand answers there. */
  readonly private: boolean;
  readonly url?: string | undefined;
  /** The first criticism's words. */
  readonly text: string;
  readonly criticism: number;
  readonly posts: number;
  /** Authors of its criticism, and those of them who are known customers. */
  readonly authors: readonly string[];
  readonly customers: readonly string[];
  readonly topics: readonly string[];
  readonly firstSeen: string;
  /** When the brand should have answered by (first criticism + `slaMinutes`). */
  readonly deadline: string;
  readonly ageMinutes: number;
  readonly overdue: boolean;
  /** When the brand first posted in the thread after the criticism, if it has. */
  readonly answeredByBrand?: string | undefined;
  /** The largest audience of its criticism (a tie-break only: reach never outranks severity). */
  readonly reach: number;
  readonly severity: number;
  readonly parts: SeverityParts;
  /** Severity × urgency (urgency, 1 + ln(1 + age / target), grows with age; an answered thread's is 0.5). */
  readonly priority: number;
  /** Who answers first: always the brand — resolving the problem is its job; advocates are a complement. */
  readonly owner: "brand";
  /** Advocates to invite after the brand has answered (public threads only), each with a kit. */
  readonly advocates: readonly AdvocateKit[];
  /** What to do, in order, in plain words. */
  readonly actions: readonly string[];
}

/** The result of {@link triageCriticism}. */
export interface TriageResult {
  readonly now: string;
  readonly slaMinutes: number;
  /** Criticism threads, most urgent first (at most `maxThreads`). */
  readonly threads: TriagedThread[];
  /** Criticism threads found, before `maxThreads`. */
  readonly threadCount: number;
  /** Mentions read, and how many of them were criticism of the brand. */
  readonly mentions: number;
  readonly criticism: number;
  readonly problems: InputProblem[];
}

const MINUTE = 60_000;
const DEFAULT_SEVERITY = DEFAULT_TOPIC_SEVERITY.default ?? 0.6;
const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

/** Minutes in words a person reads at a glance: 45 minutes, 5 hours, 3 days. */
function duration(minutes: number): string {
  if (minutes < 120) return `${minutes} minute${minutes === 1 ? "" : "s"}`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} hours`;
  return `${Math.round(minutes / 1440)} days`;
}

/**
 * Triage: which criticism of the brand to answer first, and how. From brand mentions — any platform, the social
 * input the rest of the library reads (authors by handle, threads by `postId` / `inReplyTo`), and private channels
 * too (`public: false`: support tickets, DMs), weighed alike — it finds criticism (negative mentions of the brand,
 * not the brand's own posts), groups it into threads, and orders them by **severity** (how harsh, how valuable the
 * complainer is to the brand by the loyalty model, whether they keep complaining, the topic) times **urgency**
 * (age against the response-time target `slaMinutes`). Reach only breaks ties: a quiet loyal customer's complaint
 * is never less urgent than a loud stranger's. For each thread: the owner (always the brand first: resolve the
 * problem), a deadline, and the advocates to invite after it (`armAdvocates`, capped per thread, each advocate for one
 * thread a round, the most urgent first; none for a private channel or a repeat complainer, whom advocates' replies
 * rarely help).
 *
 * @throws {ValidationError} in strict mode on a bad mention.
 * @example
 * const triage = triageCriticism(mentions, result.model, { brand, profiles: prepared.profiles, advocates: result.advocates, arm: { brand: "Northwind Coffee", facts } });
 * triage.threads[0]?.actions; //=> ["Answer as the brand by 2026-06-30T10:15:00.000Z …", "Then invite 3 advocates …"]
 */
export function triageCriticism(mentions: Iterable<SocialActivityInput | Record<string, unknown>>, model: AdvocateModel, options: TriageOptions = {}): TriageResult {
  const resolved = parseOptions(triageOptionsSchema, options, "triageCriticism");
  const read = validateRecords(socialSchema, mentions, resolved.sourceName, 1, socialSchemaFor, ["customerId", "author", "authorEmail"]);
  if (read.problems.length > 0 && resolved.mode === "strict") throw new ValidationError(read.problems, read.problems.length, read.rejectedRows);
  const brand = new BrandMatcher(resolved.brand);
  const knowsBrand = resolved.brand.names.length > 0 || resolved.brand.handles.length > 0;
  const identities = new IdentityCollector();
  for (const profile of resolved.profiles?.values() ?? []) identities.add({ customerId: profile.customerId, handles: Object.fromEntries(profile.handles) });
  const index = new IdentityIndex(identities.facts());

  // First pass: who wrote each mention, how it reads, whether it names the brand.
  const base = read.records.map(({ record, ref }) => {
    const key = record.postId === undefined ? `${record.platform}\u0000row ${ref.source} ${ref.row}` : postKey(record.platform, record.postId);
    const given = record.sentiment !== undefined;
    const tone = record.sentiment ?? (record.text === undefined ? 0 : readTone(record.text, knowsBrand ? { brand: resolved.brand } : {}).score);
    const customerId = record.customerId ?? (record.author === undefined ? undefined : index.byHandle(record.platform, record.author));
    const byBrand = record.customerId === undefined && brand.isBrand(record.author);
    // A private message (support ticket, DM) is addressed to the brand: it is about the brand whether or not it names it.
    const names = record.mentionsBrand ?? (!record.public || brand.mentions(record.text) || brand.mentions(record.title));
    return { record, ref, key, parentKey: record.inReplyTo === undefined ? undefined : postKey(record.platform, record.inReplyTo), tone, given, customerId, byBrand, names, author: record.author ?? record.customerId ?? "" };
  });
  // Second pass: a reply to the brand's post is about the brand too (the thread is).
  const brandPosts = new Set(base.filter((mention) => mention.byBrand).map((mention) => mention.key));
  const all: ReadMention[] = base.map((mention) => ({
    record: mention.record,
    ref: mention.ref,
    key: mention.key,
    parentKey: mention.parentKey,
    tone: mention.tone,
    byBrand: mention.byBrand,
    customerId: mention.customerId,
    author: mention.author,
    criticism: !mention.byBrand && (mention.names || (mention.parentKey !== undefined && brandPosts.has(mention.parentKey))) && readsNegative(mention.tone, mention.given),
  }));
  const criticism = all.filter((mention) => mention.criticism);
  const times = all.map((mention) => mention.record.date.getTime());
  const now = resolved.now?.getTime() ?? (times.length > 0 ? Math.max(...times) : 0);
  const complaintsBy = new Map<string, number>();
  for (const mention of criticism) complaintsBy.set(mention.author.toLowerCase(), (complaintsBy.get(mention.author.toLowerCase()) ?? 0) + 1);
  const valueOf = new Map<string, number>();
  const customerValue = (customerId: string): number => {
    let value = valueOf.get(customerId);
    if (value === undefined) {
      const profile = resolved.profiles?.get(customerId);
      value = profile === undefined ? 0 : score(profile, model).loyalty.score;
      valueOf.set(customerId, value);
    }
    return value;
  };
  const topicMap = resolveTopics(resolved.topics);
  const topicSeverity = { ...DEFAULT_TOPIC_SEVERITY, ...resolved.topicSeverity };
  const sla = resolved.slaMinutes;

  const threads: TriagedThread[] = [];
  /** The criticism each public, first-time thread would arm advocates against, by its index in `threads`. */
  const armable = new Map<number, CriticismInput>();
  for (const [root, posts] of threadsOf(all)) {
    const critical = posts.filter((post) => post.criticism).sort((a, b) => a.record.date.getTime() - b.record.date.getTime() || a.ref.row - b.ref.row);
    const first = critical[0];
    if (first === undefined) continue;
    const firstSeen = first.record.date.getTime();
    const authors = [...new Set(critical.map((post) => post.author))].sort(compareText);
    const customers = [...new Set(critical.flatMap((post) => (post.customerId === undefined ? [] : [post.customerId])))].sort(compareText);
    const topics = [...new Set(critical.flatMap((post) => detectTopics(`${post.record.title ?? ""} ${post.record.text ?? ""}`, topicMap)))].sort(compareText);
    const repeats = Math.max(...critical.map((post) => complaintsBy.get(post.author.toLowerCase()) ?? 1));
    const parts: SeverityParts = {
      tone: round4(Math.max(...critical.map((post) => Math.max(0, -post.tone)))),
      customerValue: round4(customers.length === 0 ? 0 : Math.max(...customers.map(customerValue))),
      repeat: round4(Math.min(1, (repeats - 1) / (REPEAT_COMPLAINTS - 1))),
      topic: round4(topics.length === 0 ? NO_TOPIC_SEVERITY : Math.max(...topics.map((topic) => topicSeverity[topic] ?? DEFAULT_SEVERITY))),
    };
    const severity = round4(SEVERITY_WEIGHTS.tone * parts.tone + SEVERITY_WEIGHTS.customerValue * parts.customerValue + SEVERITY_WEIGHTS.repeat * parts.repeat + SEVERITY_WEIGHTS.topic * parts.topic);
    const answer = posts.filter((post) => post.byBrand && post.record.date.getTime() >= firstSeen).sort((a, b) => a.record.date.getTime() - b.record.date.getTime())[0];
    const ageMinutes = Math.max(0, Math.round((now - firstSeen) / MINUTE));
    const deadline = firstSeen + sla * MINUTE;
    const overdue = answer === undefined && now > deadline;
    // Urgency grows with age against the target — steeply while within it, then slowly, never stopping (an older
    // complaint is always the more urgent at equal severity); an answered thread is half as urgent as a fresh one.
    const urgency = answer === undefined ? 1 + Math.log1p(ageMinutes / sla) : 0.5;
    const isPrivate = critical.every((post) => !post.record.public);
    const repeatComplainer = repeats >= REPEAT_COMPLAINTS;
    const noAdvocates = isPrivate
      ? "A private channel: the brand answers there; advocates are never invited to a private conversation."
      : repeatComplainer
        ? "A repeat complainer: answer as the brand only — advocates' replies rarely help a complainer who keeps coming back, and can read as a pile-on."
        : undefined;
    const due = new Date(deadline).toISOString();
    const brandAction =
      answer !== undefined
        ? `Answered by the brand at ${new Date(answer.record.date.getTime()).toISOString()}: follow up until it is resolved.`
        : isPrivate
          ? `Answer in the ${first.record.platform} channel by ${due}${overdue ? ` (overdue by ${duration(ageMinutes - sla)})` : ""}: acknowledge and resolve.`
          : `Answer as the brand by ${due}${overdue ? ` (overdue by ${duration(ageMinutes - sla)})` : ""}: acknowledge in public, then resolve in a private channel.`;
    const [, postId] = root.split("\u0000");
    threads.push({
      id: `${first.record.platform}:${postId ?? root}`,
      platform: first.record.platform,
      private: isPrivate,
      url: first.record.url,
      text: first.record.text ?? first.record.title ?? "",
      criticism: critical.length,
      posts: posts.length,
      authors,
      customers,
      topics,
      firstSeen: new Date(firstSeen).toISOString(),
      deadline: due,
      ageMinutes,
      overdue,
      answeredByBrand: answer === undefined ? undefined : new Date(answer.record.date.getTime()).toISOString(),
      reach: Math.max(...critical.map((post) => post.record.reach ?? 0)),
      severity,
      parts,
      priority: severity * urgency,
      owner: "brand",
      advocates: [],
      actions: noAdvocates === undefined ? [brandAction] : [brandAction, noAdvocates],
    });
    if (noAdvocates === undefined) armable.set(threads.length - 1, { platform: first.record.platform, text: first.record.text ?? first.record.title ?? "(no text)", topic: topics[0], url: first.record.url, date: first.record.date });
  }
  // Severity × urgency decides; reach only breaks ties, then the older first, then the id.
  const order = threads.map((thread, index) => ({ thread, criticism: armable.get(index) }));
  order.sort((a, b) => b.thread.priority - a.thread.priority || b.thread.reach - a.thread.reach || compareText(a.thread.firstSeen, b.thread.firstSeen) || compareText(a.thread.id, b.thread.id));
  // Advocates are armed in that order, each for one thread a round: the most urgent thread gets the best match, and
  // no advocate is sent to answer several criticisms at once (many replies from the same few people read as a
  // campaign, not as customers' own experience).
  const invited = new Set<string>();
  const triaged = order.map(({ thread, criticism }): TriagedThread => {
    const priority = round4(thread.priority);
    if (criticism === undefined || resolved.advocates === undefined || resolved.arm === undefined) return { ...thread, priority };
    const armed = armAdvocates(
      resolved.advocates.filter((advocate) => !invited.has(advocate.customerId)),
      criticism,
      resolved.arm,
    );
    for (const kit of armed.kits) invited.add(kit.customerId);
    const note =
      armed.kits.length > 0
        ? `Then invite ${armed.kits.length} advocate${armed.kits.length === 1 ? "" : "s"} to add their own experience (a complement to the brand's answer, never a substitute): ${armed.kits.map((kit) => kit.handle ?? kit.name ?? kit.customerId).join(", ")}.`
        : armed.noTopic !== undefined
          ? "No topic found in the criticism: no advocate was matched (give the thread a topic to arm advocates)."
          : `No advocate is active on ${criticism.platform} with experience to share${invited.size > 0 ? " who is not already invited to a more urgent thread" : ""}.`;
    return { ...thread, priority, advocates: armed.kits, actions: [...thread.actions, note] };
  });
  return {
    now: new Date(now).toISOString(),
    slaMinutes: sla,
    threads: resolved.maxThreads === undefined ? triaged : triaged.slice(0, resolved.maxThreads),
    threadCount: triaged.length,
    mentions: all.length,
    criticism: criticism.length,
    problems: read.problems,
  };
}
