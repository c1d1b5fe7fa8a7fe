import type { Customer } from "../schema/customer.js";
import type { BrandIdentity } from "../schema/options.js";
import type { RecordRef } from "../schema/problem.js";
import type { Purchase } from "../schema/purchase.js";
import { socialTypes } from "../schema/vocabulary.js";
import type { SocialActivity } from "../schema/social.js";
import type { SurveyResponse } from "../schema/survey.js";
import { ownString } from "../text/own-string.js";
import { readTone } from "../text/tone/read-tone.js";
import type { ToneAdjustmentWeights, ToneOptions } from "../text/tone/tone-reader.js";
import { verbatimThemes } from "../text/themes.js";
import { DEFAULT_TOPICS } from "../text/topics.js";
import { toDay } from "./day.js";
import { gather, gatherValues, orderEvents, type EventOrder } from "./event-order.js";
import type { ExclusionReason } from "./exclusion-policy.js";
import { GrowableColumn } from "./growable-column.js";
import { compareText } from "./order.js";
import { gatherLists, ListColumn } from "./list-column.js";
import { MENTIONS_BRAND, MENTIONS_GIVEN, NO_DAY, REPLIES_TO_CRITICISM, REPLY_GIVEN, TONE_GIVEN } from "./event-codes.js";
import { ProfileStore } from "./profile-store.js";
import { StringTable } from "./string-table.js";
import { BrandMatcher } from "../text/brand-mention.js";
import { emailKey, handleKey, IdentityIndex } from "./identity-index.js";
import { ThreadFactsCollector, type MentionState, type ThreadFacts } from "./thread-facts.js";
import { stableHash } from "../stats/stable-hash.js";

/** Topic → keywords map used to find praise and complaint themes in comments. */
export type TopicMap = Readonly<Record<string, readonly string[]>>;

/** Who is left out: anything that can say why a customer's records must not be profiled. */
export interface Exclusions {
  reasonFor(customerId: string): ExclusionReason | undefined;
}

/** Events per table (customer records, purchases, survey responses, public social activity). */
export interface EventCounts {
  readonly customers: number;
  readonly purchases: number;
  readonly surveys: number;
  readonly social: number;
}

/** Options of {@link ProfileBuilder}. */
export interface ProfileBuilderOptions {
  /** Topic keywords for praise and complaint themes in comments (default {@link DEFAULT_TOPICS}). */
  readonly topics?: TopicMap | undefined;
  /** Customers whose records are never read into a profile (opted out, no consent, cooling down). */
  readonly exclude?: Exclusions | undefined;
  /** The brand's own names and handles, for reading text about the brand. */
  readonly brand?: BrandIdentity | undefined;
  /** Who holds each e-mail and handle (from the customers file), to join records that name no customer ID. */
  readonly identities?: IdentityIndex | undefined;
  /** A domain adjustment of the tone model fitted to the brand's own texts (`fitToneAdjustment`), when kept. */
  readonly toneAdjustment?: ToneAdjustmentWeights | undefined;
}

/** What a builder could not profile: records of public voices who are not known customers, and the brand's own. */
export interface UnprofiledCounts {
  /** Social records whose author (handle or e-mail) matches no customer. */
  readonly unmatchedSocial: number;
  /** Of those, records whose handle or e-mail several customers share (so none can be told). */
  readonly ambiguousSocial: number;
  /** Social records by the brand's own handles. */
  readonly brandSocial: number;
}

/** Seeds the order-id hash: any fixed number; changing it changes no result, only which ids could collide. */
const ORDER_HASH_SEED = 0x0dde5eed;

const TYPE_CODE = new Map(socialTypes.map((type, index) => [type, index] as const));

function sortedPairs<V>(record: Readonly<Record<string, V>> | undefined): ReadonlyArray<readonly [string, V]> | undefined {
  if (record === undefined) return undefined;
  const pairs = Object.entries(record);
  return pairs.length === 0 ? undefined : pairs.sort(([a], [b]) => compareText(a, b));
}

/** Empties every column of a table (typed or not), freeing its memory. */
function releaseTable(table: object): void {
  for (const column of Object.values(table)) {
    if (column instanceof GrowableColumn || column instanceof ListColumn) column.release();
    else if (Array.isArray(column)) column.length = 0;
  }
}

/** The columns of one event table while records are added. */
class EventTable {
  readonly customer = new GrowableColumn(Int32Array);
  readonly source = new GrowableColumn(Int32Array);
  readonly row = new GrowableColumn(Int32Array);

  add(customer: number, source: number, row: number): void {
    this.customer.push(customer);
    this.source.push(source);
    this.row.push(row);
  }
}

/**
 * Profiles customers in one pass, storing every event in typed columns rather than in objects per record: the
 * records of a million customers fit in a few hundred megabytes, and nothing is sorted until {@link build}, which
 * puts every customer's events into one canonical order (day, then source, then row). Because of that order,
 * builders merge: the shards of several builders (files, threads, machines) added to one builder give exactly
 * the profiles of one pass over all their records.
 *
 * Text is analysed as records arrive (comment tone and themes, a post's tone when not given), so a worker thread
 * that profiles part of a file also does that part's text work.
 *
 * @example
 * const builder = new ProfileBuilder();
 * builder.addPurchase({ customerId: "c1", date: new Date("2026-01-05"), amount: 12 }, { source: "purchases", row: 1 });
 * builder.build().get("c1")?.purchases.orders; //=> 1
 */
export class ProfileBuilder {
  private readonly topics: TopicMap;
  private readonly exclude: Exclusions | undefined;
  private readonly brand: BrandIdentity;
  private readonly brandMatcher: BrandMatcher;
  private readonly identities: IdentityIndex;
  private readonly threads = new ThreadFactsCollector();
  /** Customers whose own purchase, survey or social rows carry an opt-out: left out here, and at the merge. */
  private readonly lateOptOuts = new Set<string>();
  private unprofiled = { unmatchedSocial: 0, ambiguousSocial: 0, brandSocial: 0 };
  private readonly ids: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly returned = new GrowableColumn(Int32Array);
  private readonly privateActivities = new GrowableColumn(Int32Array);
  private readonly strings = new StringTable();
  private readonly sources = new StringTable();
  /** Per customer, the latest day of any of their records (returned purchases and private posts included). */
  private readonly latestDayOf = new GrowableColumn(Int32Array);
  private readonly excluded = new Map<string, ExclusionReason>();
  private latestSeenDay = NO_DAY;

  private readonly crm = Object.assign(new EventTable(), {
    name: [] as (string | undefined)[],
    handles: new ListColumn("texts"),
    consent: new GrowableColumn(Int32Array),
    invitedDay: new GrowableColumn(Int32Array),
  });
  private readonly purchases = Object.assign(new EventTable(), {
    day: new GrowableColumn(Int32Array),
    amount: new GrowableColumn(Float64Array),
    product: new GrowableColumn(Int32Array),
    category: new GrowableColumn(Int32Array),
    /** A 32-bit hash of the order id (0 for none): enough to tell exact duplicate rows apart, without a string each. */
    order: new GrowableColumn(Int32Array),
  });
  private readonly surveys = Object.assign(new EventTable(), {
    day: new GrowableColumn(Int32Array),
    nps: new GrowableColumn(Float64Array),
    csat: new GrowableColumn(Float64Array),
    answers: new ListColumn("numbers"),
    comment: [] as (string | undefined)[],
    sentiment: new GrowableColumn(Float64Array),
    sentimentConfidence: new GrowableColumn(Float64Array),
    positiveWords: new ListColumn(),
    negativeWords: new ListColumn(),
    praise: new ListColumn(),
    complaints: new ListColumn(),
  });
  private readonly social = Object.assign(new EventTable(), {
    day: new GrowableColumn(Int32Array),
    platform: new GrowableColumn(Int32Array),
    type: new GrowableColumn(Uint8Array),
    flags: new GrowableColumn(Uint8Array),
    sentiment: new GrowableColumn(Float64Array),
    sentimentConfidence: new GrowableColumn(Float64Array),
    reach: new GrowableColumn(Float64Array),
    engagement: new GrowableColumn(Float64Array),
    /** The post it replies to, as a string code of `platform\u0000postId` (−1 for none): threads are resolved at the merge. */
    inReplyTo: new GrowableColumn(Int32Array),
    text: [] as (string | undefined)[],
  });

  constructor(options: ProfileBuilderOptions = {}) {
    this.topics = options.topics ?? DEFAULT_TOPICS;
    this.exclude = options.exclude;
    this.brand = options.brand ?? { names: [], handles: [] };
    this.brandMatcher = new BrandMatcher(this.brand);
    this.identities = options.identities ?? new IdentityIndex();
    // Tone is read toward the brand when its names or handles are known (their own words then carry no tone).
    const knowsBrand = this.brand.names.length > 0 || this.brand.handles.length > 0;
    this.tone = { ...(knowsBrand ? { brand: this.brand } : {}), ...(options.toneAdjustment === undefined ? {} : { adjustment: options.toneAdjustment }) };
  }

  private readonly tone: ToneOptions;

  /** Whether the builder holds a customer with exactly this ID (every one is an ID zod validated and returned). */
  holds(customerId: string): boolean {
    return this.index.has(customerId);
  }

  /** Customers profiled so far. */
  get size(): number {
    return this.ids.length;
  }

  /**
   * How many events each table holds so far. A reader that profiles several chunks of a file notes these before and
   * after each chunk, so the chunk's rows can be renumbered once the rows of the chunks before it are known.
   */
  eventCounts(): EventCounts {
    return { customers: this.crm.row.length, purchases: this.purchases.row.length, surveys: this.surveys.row.length, social: this.social.row.length };
  }

  /** Records a customer record (CRM export). With duplicates, the first by (source, row) gives the CRM fields. */
  addCustomer(customer: Customer, ref: RecordRef): void {
    const index = this.admit(customer.customerId);
    if (index < 0) return;
    this.crm.add(index, this.sources.code(ref.source), ref.row);
    this.crm.name.push(ownString(customer.name));
    const handles = sortedPairs(customer.handles) ?? [];
    this.crm.handles.push(
      handles.map(([platform]) => this.strings.code(platform)),
      undefined,
      handles.map(([, handle]) => ownString(handle)),
    );
    this.crm.consent.push(customer.consent === undefined ? -1 : customer.consent ? 1 : 0);
    this.crm.invitedDay.push(customer.lastInvitedAt === undefined ? NO_DAY : toDay(customer.lastInvitedAt));
  }

  /** Records a purchase; a returned one is only counted (it is not buying). */
  addPurchase(purchase: Purchase, ref: RecordRef): void {
    const customerId = this.customerOf(purchase.customerId, purchase.email);
    if (customerId === undefined || this.optsOut(customerId, purchase.optedOut)) return;
    const index = this.admit(customerId);
    if (index < 0) return;
    const day = toDay(purchase.date);
    this.profiledDay(index, day);
    if (purchase.returned === true) {
      this.returned.set(index, this.returned.at(index) + 1);
      return;
    }
    const table = this.purchases;
    table.add(index, this.sources.code(ref.source), ref.row);
    table.day.push(day);
    table.amount.push(purchase.amount);
    table.product.push(this.strings.optionalCode(purchase.product));
    table.category.push(this.strings.optionalCode(purchase.category));
    table.order.push(purchase.orderId === undefined ? 0 : stableHash(purchase.orderId, ORDER_HASH_SEED) | 1);
  }

  /** Records a survey response, reading its comment's tone and themes. */
  addSurvey(survey: SurveyResponse, ref: RecordRef): void {
    const customerId = this.customerOf(survey.customerId, survey.email);
    if (customerId === undefined || this.optsOut(customerId, survey.optedOut)) return;
    const index = this.admit(customerId);
    if (index < 0) return;
    const day = toDay(survey.date);
    this.profiledDay(index, day);
    const table = this.surveys;
    table.add(index, this.sources.code(ref.source), ref.row);
    table.day.push(day);
    table.nps.push(survey.nps ?? Number.NaN);
    table.csat.push(survey.csat ?? Number.NaN);
    const answers = sortedPairs(survey.answers) ?? [];
    table.answers.push(
      answers.map(([item]) => this.strings.code(item)),
      answers.map(([, value]) => value),
    );
    table.comment.push(ownString(survey.comment));
    const codes = (words: readonly string[]) => words.map((word) => this.strings.code(word));
    if (survey.comment === undefined) {
      table.sentiment.push(Number.NaN);
      table.sentimentConfidence.push(Number.NaN);
      for (const list of [table.positiveWords, table.negativeWords, table.praise, table.complaints]) list.push([]);
    } else {
      const tone = readTone(survey.comment, this.tone);
      const themes = verbatimThemes(survey.comment, this.topics, this.tone);
      table.sentiment.push(tone.score);
      table.sentimentConfidence.push(tone.confidence);
      table.positiveWords.push(codes(tone.positiveWords));
      table.negativeWords.push(codes(tone.negativeWords));
      table.praise.push(codes(themes.praise));
      table.complaints.push(codes(themes.complaints));
    }
  }

  /**
   * Records social activity: public activity as evidence (its tone read from the text when not given), private only
   * counted. A record may name its author by handle or e-mail instead of a customer ID: it is joined to the customer
   * holding that handle; the brand's own posts and posts by authors no customer holds are not profiled, but what
   * threads need of them is kept (see {@link threadFacts}).
   */
  addSocial(activity: SocialActivity, ref: RecordRef): void {
    const day = toDay(activity.date);
    if (this.brandMatcher.isBrand(activity.author) && activity.customerId === undefined) {
      this.unprofiled.brandSocial += 1;
      this.threads.brandPost(activity.platform, activity.postId);
      return;
    }
    const customerId =
      activity.customerId ??
      (activity.authorEmail === undefined ? undefined : this.identities.byEmail(activity.authorEmail)) ??
      (activity.author === undefined ? undefined : this.identities.byHandle(activity.platform, activity.author));
    const mentions: MentionState =
      activity.mentionsBrand !== undefined ? (activity.mentionsBrand ? 1 : 0) : this.brandMatcher.mentions(activity.text) || this.brandMatcher.mentions(activity.title) ? 1 : activity.inReplyTo !== undefined ? 2 : 0;
    if (customerId === undefined) {
      this.unmatchedVoice(activity, day, mentions);
      return;
    }
    if (this.optsOut(customerId, activity.optedOut)) return;
    const index = this.admit(customerId);
    if (index < 0) return;
    this.profiledDay(index, day);
    if (!activity.public) {
      this.privateActivities.set(index, this.privateActivities.at(index) + 1);
      return;
    }
    // A sentiment the record gives (a listening tool's) is used as given; otherwise the text's stance is read.
    const given = activity.sentiment !== undefined;
    const tone = given || activity.text === undefined ? undefined : readTone(activity.text, this.tone);
    const sentiment = activity.sentiment ?? tone?.score ?? 0;
    this.threads.negativePost(activity.platform, activity.postId, activity.inReplyTo, sentiment, given, mentions);
    const table = this.social;
    table.add(index, this.sources.code(ref.source), ref.row);
    table.day.push(day);
    table.platform.push(this.strings.code(activity.platform));
    table.type.push(TYPE_CODE.get(activity.type ?? (activity.inReplyTo === undefined ? "post" : "reply")) ?? 0);
    table.flags.push(
      (mentions === 1 ? MENTIONS_BRAND : 0) |
        (activity.mentionsBrand !== undefined ? MENTIONS_GIVEN : 0) |
        (activity.repliesToCriticism === true ? REPLIES_TO_CRITICISM : 0) |
        (activity.repliesToCriticism !== undefined ? REPLY_GIVEN : 0) |
        (given ? TONE_GIVEN : 0),
    );
    table.sentiment.push(sentiment);
    table.sentimentConfidence.push(given ? 1 : (tone?.confidence ?? 0));
    table.reach.push(activity.reach ?? 0);
    table.engagement.push(activity.engagement ?? 0);
    table.inReplyTo.push(activity.inReplyTo === undefined ? -1 : this.strings.code(`${activity.platform}\u0000${activity.inReplyTo}`));
    table.text.push(ownString(activity.text));
  }

  /** A public post by someone no customer record names: kept for threads and the unmatched-author list only. */
  private unmatchedVoice(activity: SocialActivity, day: number, mentions: MentionState): void {
    this.unprofiled.unmatchedSocial += 1;
    const ambiguous =
      (activity.authorEmail !== undefined && this.identities.isAmbiguousEmail(activity.authorEmail)) ||
      (activity.author !== undefined && this.identities.isAmbiguousHandle(activity.platform, activity.author));
    if (ambiguous) this.unprofiled.ambiguousSocial += 1;
    if (!activity.public || activity.author === undefined) return;
    const given = activity.sentiment !== undefined;
    const sentiment = activity.sentiment ?? (activity.text === undefined ? 0 : readTone(activity.text, this.tone).score);
    this.threads.negativePost(activity.platform, activity.postId, activity.inReplyTo, sentiment, given, mentions);
    this.threads.voice(handleKey(activity.platform, activity.author), activity.author.trim(), activity.platform, day, sentiment, given, mentions, activity.reach ?? 0, activity.inReplyTo);
  }

  /**
   * The customer a purchase or survey row belongs to: its customer ID, else the customer holding its e-mail in the
   * customers file, else the e-mail itself (a customer known only by e-mail).
   */
  private customerOf(customerId: string | undefined, email: string | undefined): string | undefined {
    if (customerId !== undefined) return customerId;
    if (email === undefined) return undefined;
    return this.identities.byEmail(email) ?? emailKey(email);
  }

  /** A row that carries an opt-out: the customer is excluded from here on, and dropped at the merge. */
  private optsOut(customerId: string, optedOut: boolean | undefined): boolean {
    if (optedOut !== true) return false;
    this.lateOptOuts.add(customerId);
    if (!this.excluded.has(customerId)) this.excluded.set(customerId, "optedOut");
    return true;
  }

  /** Customers whose purchase, survey or social rows carried an opt-out (their earlier rows must be dropped too). */
  optOutsSeen(): ReadonlySet<string> {
    return this.lateOptOuts;
  }

  /** What threads need, gathered while reading (see {@link ThreadFacts}). */
  threadFacts(): ThreadFacts {
    return this.threads.facts();
  }

  /** Social records this builder could not profile, by why. */
  unprofiledCounts(): UnprofiledCounts {
    return { ...this.unprofiled };
  }

  /**
   * Adds `base` to the rows of the events recorded between two {@link eventCounts}: a reader that profiles a file's
   * chunks apart numbers each chunk's rows from 1, and renumbers them once the rows of the chunks before are known.
   */
  renumberRows(from: EventCounts, to: EventCounts, base: number): void {
    if (base === 0) return;
    const tables = { customers: this.crm, purchases: this.purchases, surveys: this.surveys, social: this.social };
    for (const name of ["customers", "purchases", "surveys", "social"] as const) {
      const rows = tables[name].row;
      for (let event = from[name]; event < to[name]; event += 1) rows.set(event, rows.at(event) + base);
    }
  }

  /** Customers whose records were left out so far, with why. */
  exclusions(): ReadonlyMap<string, ExclusionReason> {
    return this.excluded;
  }

  /** The latest purchase, survey or social day among all valid records added, excluded customers' included. */
  latestEventDay(): number | undefined {
    return this.latestSeenDay === NO_DAY ? undefined : this.latestSeenDay;
  }

  /**
   * Sorts every event into canonical order and returns the profiles. `drop` leaves out, at the last moment,
   * customers whose exclusion could not be decided while reading (the invitation cool-down needs "as of", which
   * may be the latest day of data not yet read); they are added to {@link exclusions}.
   */
  build(drop?: Exclusions): ProfileStore {
    if (this.built) throw new Error("ProfileBuilder: already built (building frees the builder's columns)");
    this.built = true;
    const sorted = this.ids.map((id, index) => index).sort((a, b) => compareText(this.ids[a] as string, this.ids[b] as string));
    const newIndex = new Int32Array(this.ids.length).fill(-1);
    const ids: string[] = [];
    for (const old of sorted) {
      const id = this.ids[old] as string;
      // A customer whose later row opted out is dropped with every record read before it.
      const reason = this.lateOptOuts.has(id) ? "optedOut" : drop?.reasonFor(id);
      if (reason !== undefined) {
        if (!this.excluded.has(id)) this.excluded.set(id, reason);
        continue;
      }
      newIndex[old] = ids.length;
      ids.push(id);
    }
    const customers = ids.length;
    const sourceRank = this.sources.ranks();
    const reorder = (table: EventTable, day: GrowableColumn<Int32Array> | undefined): EventOrder & { source: Int32Array; row: Int32Array } => {
      const customerOf = table.customer.toArray();
      for (let event = 0; event < customerOf.length; event += 1) customerOf[event] = newIndex[customerOf[event] as number] as number;
      const source = table.source.view();
      const row = table.row.view();
      const days = day?.view();
      const byRef = (a: number, b: number) => (sourceRank[source[a] as number] as number) - (sourceRank[source[b] as number] as number) || (row[a] as number) - (row[b] as number);
      const order = orderEvents(customerOf, customers, days === undefined ? byRef : (a, b) => (days[a] as number) - (days[b] as number) || byRef(a, b));
      return { ...order, source: gather(source, order.order), row: gather(row, order.order) };
    };
    // Table by table, and each table's columns freed once laid out: building needs room for one table twice, not
    // for the whole population twice. A builder is spent once built.
    const customerRecords = reorder(this.crm, undefined);
    // Per customer, the first customer record by (source, row) gives the CRM fields.
    const crmOf = new Int32Array(customers).fill(-1);
    for (let customer = 0; customer < customers; customer += 1) {
      if ((customerRecords.starts[customer + 1] as number) > (customerRecords.starts[customer] as number)) {
        crmOf[customer] = customerRecords.order[customerRecords.starts[customer] as number] as number;
      }
    }
    const perCustomer = (column: GrowableColumn<Int32Array>) => {
      const out = new Int32Array(customers);
      for (let old = 0; old < newIndex.length; old += 1) {
        const customer = newIndex[old] as number;
        if (customer >= 0) out[customer] = column.at(old);
      }
      return out;
    };
    const crmColumn = <T>(values: readonly T[], missing: T): T[] => Array.from(crmOf, (event) => (event < 0 ? missing : (values[event] as T)));
    let latestDay = NO_DAY;
    for (let old = 0; old < newIndex.length; old += 1) {
      if ((newIndex[old] as number) >= 0 && this.latestDayOf.at(old) > latestDay) latestDay = this.latestDayOf.at(old);
    }
    const crm = {
      crmSource: Int32Array.from(crmOf, (event) => (event < 0 ? 0 : this.crm.source.at(event))),
      crmRow: Int32Array.from(crmOf, (event) => (event < 0 ? -1 : this.crm.row.at(event))),
      name: crmColumn(this.crm.name, undefined),
      handles: gatherLists(this.crm.handles.view(), crmOf),
      consent: Int32Array.from(crmOf, (event) => (event < 0 ? -1 : this.crm.consent.at(event))),
      invitedDay: Int32Array.from(crmOf, (event) => (event < 0 ? NO_DAY : this.crm.invitedDay.at(event))),
      returned: perCustomer(this.returned),
      privateActivities: perCustomer(this.privateActivities),
      latestDayOf: perCustomer(this.latestDayOf),
    };
    releaseTable(this.crm);
    const purchaseOrder = reorder(this.purchases, this.purchases.day);
    const purchases = {
      starts: purchaseOrder.starts,
      source: purchaseOrder.source,
      row: purchaseOrder.row,
      day: gather(this.purchases.day.view(), purchaseOrder.order),
      amount: gather(this.purchases.amount.view(), purchaseOrder.order),
      product: gather(this.purchases.product.view(), purchaseOrder.order),
      category: gather(this.purchases.category.view(), purchaseOrder.order),
      order: gather(this.purchases.order.view(), purchaseOrder.order),
    };
    releaseTable(this.purchases);
    const surveyOrder = reorder(this.surveys, this.surveys.day);
    const surveys = {
      starts: surveyOrder.starts,
      source: surveyOrder.source,
      row: surveyOrder.row,
      day: gather(this.surveys.day.view(), surveyOrder.order),
      nps: gather(this.surveys.nps.view(), surveyOrder.order),
      csat: gather(this.surveys.csat.view(), surveyOrder.order),
      answers: gatherLists(this.surveys.answers.view(), surveyOrder.order),
      comment: gatherValues(this.surveys.comment, surveyOrder.order),
      sentiment: gather(this.surveys.sentiment.view(), surveyOrder.order),
      sentimentConfidence: gather(this.surveys.sentimentConfidence.view(), surveyOrder.order),
      positiveWords: gatherLists(this.surveys.positiveWords.view(), surveyOrder.order),
      negativeWords: gatherLists(this.surveys.negativeWords.view(), surveyOrder.order),
      praise: gatherLists(this.surveys.praise.view(), surveyOrder.order),
      complaints: gatherLists(this.surveys.complaints.view(), surveyOrder.order),
    };
    releaseTable(this.surveys);
    const socialOrder = reorder(this.social, this.social.day);
    const social = {
      starts: socialOrder.starts,
      source: socialOrder.source,
      row: socialOrder.row,
      day: gather(this.social.day.view(), socialOrder.order),
      platform: gather(this.social.platform.view(), socialOrder.order),
      type: gather(this.social.type.view(), socialOrder.order),
      flags: gather(this.social.flags.view(), socialOrder.order),
      sentiment: gather(this.social.sentiment.view(), socialOrder.order),
      sentimentConfidence: gather(this.social.sentimentConfidence.view(), socialOrder.order),
      reach: gather(this.social.reach.view(), socialOrder.order),
      engagement: gather(this.social.engagement.view(), socialOrder.order),
      inReplyTo: gather(this.social.inReplyTo.view(), socialOrder.order),
      text: gatherValues(this.social.text, socialOrder.order),
    };
    releaseTable(this.social);
    return new ProfileStore({
      ids,
      strings: [...this.strings.values],
      sources: [...this.sources.values],
      latestDay: latestDay === NO_DAY ? undefined : latestDay,
      ...crm,
      purchases,
      surveys,
      social,
    });
  }

  /** The customer's index, or −1 (and the exclusion recorded) when their records must be left out. */
  private admit(customerId: string): number {
    // Exports often list a customer's records together: the last customer seen needs no lookup.
    if (customerId === this.lastId) return this.lastIndex;
    const index = this.lookUp(customerId);
    this.lastId = customerId;
    this.lastIndex = index;
    return index;
  }

  private built = false;
  private lastId: string | undefined;
  private lastIndex = -1;

  private lookUp(customerId: string): number {
    if (this.lateOptOuts.has(customerId)) return -1;
    const known = this.index.get(customerId);
    if (known !== undefined) return known;
    if (this.excluded.has(customerId)) return -1;
    const reason = this.exclude?.reasonFor(customerId);
    if (reason !== undefined) {
      this.excluded.set(customerId, reason);
      return -1;
    }
    const index = this.ids.length;
    this.ids.push(customerId);
    this.index.set(customerId, index);
    this.returned.push(0);
    this.privateActivities.push(0);
    this.latestDayOf.push(NO_DAY);
    return index;
  }

  /** A day of a profiled customer's record: only such days move "as of" (an excluded customer leaves no trace). */
  private profiledDay(customer: number, day: number): void {
    if (day > this.latestSeenDay) this.latestSeenDay = day;
    if (day > this.latestDayOf.at(customer)) this.latestDayOf.set(customer, day);
  }
}

