import { socialTypes } from "../schema/vocabulary.js";
import type { RecordRef } from "../schema/problem.js";
import type { CustomerProfile, DatedRef, ItemCount, SocialEvidence, SurveyEvidence } from "./customer-profile.js";
import { compareText } from "./order.js";
import { listStrings, type PackedLists } from "./list-column.js";
import { MENTIONS_BRAND, NO_DAY, REPLIES_TO_CRITICISM, TONE_GIVEN } from "./event-codes.js";

/** One event table laid out customer by customer: customer c's events are `starts[c] .. starts[c + 1]`. */
interface SortedEvents {
  readonly starts: Int32Array;
  readonly source: Int32Array;
  readonly row: Int32Array;
}

/** The columns a {@link ProfileStore} is made of (see `ProfileBuilder.build`). */
export interface StoreColumns {
  /** Customer IDs in `compareText` order. */
  readonly ids: readonly string[];
  readonly strings: readonly string[];
  readonly sources: readonly string[];
  readonly latestDay: number | undefined;
  /** Per customer: the CRM fields of their first customer record (and that record's citation, row −1 for none). */
  readonly crmSource: Int32Array;
  readonly crmRow: Int32Array;
  readonly name: ReadonlyArray<string | undefined>;
  /** Per customer: handles as platform codes with the handle beside each. */
  readonly handles: PackedLists;
  readonly consent: Int32Array;
  readonly invitedDay: Int32Array;
  /** Per customer: counts, and the latest day of any of their records. */
  readonly returned: Int32Array;
  readonly privateActivities: Int32Array;
  readonly latestDayOf: Int32Array;
  readonly purchases: SortedEvents & {
    readonly day: Int32Array;
    readonly amount: Float64Array;
    readonly product: Int32Array;
    readonly category: Int32Array;
    /** A hash of each purchase's order id (0 for none), to find exact duplicate rows. */
    readonly order: Int32Array;
  };
  readonly surveys: SortedEvents & {
    readonly day: Int32Array;
    readonly nps: Float64Array;
    readonly csat: Float64Array;
    readonly answers: PackedLists;
    readonly comment: ReadonlyArray<string | undefined>;
    readonly sentiment: Float64Array;
    readonly sentimentConfidence: Float64Array;
    readonly positiveWords: PackedLists;
    readonly negativeWords: PackedLists;
    readonly praise: PackedLists;
    readonly complaints: PackedLists;
  };
  readonly social: SortedEvents & {
    readonly day: Int32Array;
    readonly platform: Int32Array;
    readonly type: Uint8Array;
    readonly flags: Uint8Array;
    readonly sentiment: Float64Array;
    readonly sentimentConfidence: Float64Array;
    readonly reach: Float64Array;
    readonly engagement: Float64Array;
    /** The post each one replies to, as a string code of `platform\u0000postId` (−1 for none). */
    readonly inReplyTo: Int32Array;
    readonly text: ReadonlyArray<string | undefined>;
  };
}

const NO_PAIRS: ReadonlyArray<never> = Object.freeze([]);

/** Where a customer's events (in day order) dated after `asOfDay` begin: `to` when none are, or no day is given. */
function endAsOf(days: Int32Array, from: number, to: number, asOfDay: number | undefined): number {
  if (asOfDay === undefined) return to;
  let end = to;
  while (end > from && (days[end - 1] as number) > asOfDay) end -= 1;
  return end;
}

/**
 * The sum of one day's amounts, added smallest first: floating-point sums depend on their order (0.1 + 0.2 + 0.3
 * differs from 0.3 + 0.2 + 0.1), and a day's spend must not depend on the order of that day's rows.
 */
function sumInOrder(amounts: Float64Array): number {
  const sorted = Float64Array.from(amounts).sort();
  let sum = 0;
  for (const amount of sorted) sum += amount;
  return sum;
}

/**
 * A population's profiles in columns, read as a `ReadonlyMap` from customer ID to {@link CustomerProfile}: every
 * lookup or iteration builds the plain profile object on the spot (a few microseconds), so a million customers
 * cost the memory of their events in typed arrays rather than of tens of millions of small objects. Iteration is
 * in customer-ID order. Profiles are read-only views: they share arrays (answers, handles, words) with the store.
 *
 * @example
 * const store = buildProfiles(validateData(data, resolveOptions())).profiles;
 * store.get("c-0042")?.purchases.days.length; //=> 14
 * [...store.keys()].length === store.size; //=> true
 */
export class ProfileStore implements ReadonlyMap<string, CustomerProfile> {
  private indexById: Map<string, number> | undefined;

  /** The columns behind the store (see {@link StoreColumns}); read-only, shared, and transferable between threads. */
  constructor(readonly columns: StoreColumns) {}

  get size(): number {
    return this.columns.ids.length;
  }

  /** The latest purchase, survey or social day among the profiled customers' records. */
  get latestDay(): number | undefined {
    return this.columns.latestDay;
  }

  /** Customer IDs in order (the array behind the store: do not modify). */
  get ids(): readonly string[] {
    return this.columns.ids;
  }

  /** Every survey item answered anywhere in the store (`answers.*` keys), without building any profile. */
  answerItems(): Set<string> {
    const items = new Set<string>();
    for (const code of this.columns.surveys.answers.codes) items.add(this.columns.strings[code] as string);
    return items;
  }

  /** Where a customer sits in the store's order, or −1. */
  indexOf(customerId: string): number {
    this.indexById ??= new Map(this.columns.ids.map((id, index) => [id, index] as const));
    return this.indexById.get(customerId) ?? -1;
  }

  has(customerId: string): boolean {
    return this.indexOf(customerId) >= 0;
  }

  get(customerId: string): CustomerProfile | undefined {
    const index = this.indexOf(customerId);
    return index < 0 ? undefined : this.profileAt(index);
  }

  /**
   * The profile of the customer at `index` in the store's order; with `asOfDay`, only their records dated on or
   * before it (what the customer's talking points and knowledge may cite: nothing after "as of" reaches an output).
   */
  profileAt(index: number, asOfDay?: number): CustomerProfile {
    const c = this.columns;
    const consent = c.consent[index] as number;
    const invited = c.invitedDay[index] as number;
    return {
      customerId: c.ids[index] as string,
      name: c.name[index],
      handles: this.handlesAt(index),
      consent: consent < 0 ? undefined : consent === 1,
      lastInvitedDay: invited === NO_DAY ? undefined : invited,
      purchases: this.purchasesAt(index, asOfDay),
      surveys: this.surveysAt(index, asOfDay),
      social: { public: this.socialAt(index, asOfDay), privateCount: c.privateActivities[index] as number },
    };
  }

  *keys(): MapIterator<string> {
    yield* this.columns.ids;
  }

  *values(): MapIterator<CustomerProfile> {
    for (let index = 0; index < this.size; index += 1) yield this.profileAt(index);
  }

  *entries(): MapIterator<[string, CustomerProfile]> {
    for (let index = 0; index < this.size; index += 1) yield [this.columns.ids[index] as string, this.profileAt(index)];
  }

  [Symbol.iterator](): MapIterator<[string, CustomerProfile]> {
    return this.entries();
  }

  forEach(callback: (profile: CustomerProfile, customerId: string, map: ReadonlyMap<string, CustomerProfile>) => void, thisArg?: unknown): void {
    for (let index = 0; index < this.size; index += 1) callback.call(thisArg, this.profileAt(index), this.columns.ids[index] as string, this);
  }

  private ref(events: SortedEvents, event: number): RecordRef {
    return { source: this.columns.sources[events.source[event] as number] as string, row: events.row[event] as number };
  }

  private purchasesAt(index: number, asOfDay?: number): CustomerProfile["purchases"] {
    const events = this.columns.purchases;
    const from = events.starts[index] as number;
    const to = endAsOf(events.day, from, events.starts[index + 1] as number, asOfDay);
    const days: number[] = [];
    const daySpend: number[] = [];
    let spend = 0;
    for (let event = from; event < to; ) {
      const day = events.day[event] as number;
      let end = event + 1;
      while (end < to && events.day[end] === day) end += 1;
      const amount = end - event === 1 ? (events.amount[event] as number) : sumInOrder(events.amount.subarray(event, end));
      days.push(day);
      daySpend.push(amount);
      spend += amount;
      event = end;
    }
    const dated = (event: number): DatedRef => ({ day: events.day[event] as number, ref: this.ref(events, event) });
    return {
      orders: to - from,
      returned: this.columns.returned[index] as number,
      spend,
      days,
      daySpend,
      first: from < to ? dated(from) : undefined,
      last: from < to ? dated(to - 1) : undefined,
      products: this.itemsAt(events.product, from, to, dated),
      categories: this.itemsAt(events.category, from, to, dated),
    };
  }

  /** Names bought in events from..to, with counts and the latest purchase of each (events are in canonical order). */
  private itemsAt(codes: Int32Array, from: number, to: number, dated: (event: number) => DatedRef): ItemCount[] {
    const seen: number[] = [];
    const counts: number[] = [];
    const lastEvent: number[] = [];
    for (let event = from; event < to; event += 1) {
      const code = codes[event] as number;
      if (code < 0) continue;
      const at = seen.indexOf(code);
      if (at < 0) {
        seen.push(code);
        counts.push(1);
        lastEvent.push(event);
      } else {
        counts[at] = (counts[at] as number) + 1;
        lastEvent[at] = event;
      }
    }
    const items = seen.map((code, at) => ({ name: this.columns.strings[code] as string, count: counts[at] as number, last: dated(lastEvent[at] as number) }));
    return items.length > 1 ? items.sort((a, b) => compareText(a.name, b.name)) : items;
  }

  private surveysAt(index: number, asOfDay?: number): SurveyEvidence[] {
    const events = this.columns.surveys;
    const from = events.starts[index] as number;
    const to = endAsOf(events.day, from, events.starts[index + 1] as number, asOfDay);
    const surveys: SurveyEvidence[] = [];
    const strings = this.columns.strings;
    for (let event = from; event < to; event += 1) {
      const nps = events.nps[event] as number;
      const csat = events.csat[event] as number;
      const sentiment = events.sentiment[event] as number;
      const commented = !Number.isNaN(sentiment);
      surveys.push({
        day: events.day[event] as number,
        ref: this.ref(events, event),
        nps: Number.isNaN(nps) ? undefined : nps,
        csat: Number.isNaN(csat) ? undefined : csat,
        answers: this.answersAt(event),
        comment: events.comment[event],
        sentiment: commented ? sentiment : undefined,
        sentimentConfidence: commented ? (events.sentimentConfidence[event] as number) : undefined,
        positiveWords: commented ? listStrings(events.positiveWords, event, strings) : undefined,
        negativeWords: commented ? listStrings(events.negativeWords, event, strings) : undefined,
        praise: commented ? listStrings(events.praise, event, strings) : undefined,
        complaints: commented ? listStrings(events.complaints, event, strings) : undefined,
      });
    }
    return surveys;
  }

  private handlesAt(index: number): ReadonlyArray<readonly [string, string]> {
    const lists = this.columns.handles;
    const from = lists.starts[index] as number;
    const to = lists.starts[index + 1] as number;
    if (from === to) return NO_PAIRS;
    const pairs: Array<readonly [string, string]> = [];
    for (let at = from; at < to; at += 1) pairs.push([this.columns.strings[lists.codes[at] as number] as string, lists.texts?.[at] as string]);
    return pairs;
  }

  private answersAt(event: number): ReadonlyArray<readonly [string, number]> {
    const lists = this.columns.surveys.answers;
    const from = lists.starts[event] as number;
    const to = lists.starts[event + 1] as number;
    if (from === to) return NO_PAIRS;
    const pairs: Array<readonly [string, number]> = [];
    for (let at = from; at < to; at += 1) pairs.push([this.columns.strings[lists.codes[at] as number] as string, lists.numbers?.[at] as number]);
    return pairs;
  }

  private socialAt(index: number, asOfDay?: number): SocialEvidence[] {
    const events = this.columns.social;
    const from = events.starts[index] as number;
    const to = endAsOf(events.day, from, events.starts[index + 1] as number, asOfDay);
    const posts: SocialEvidence[] = [];
    for (let event = from; event < to; event += 1) {
      const flags = events.flags[event] as number;
      posts.push({
        day: events.day[event] as number,
        ref: this.ref(events, event),
        platform: this.columns.strings[events.platform[event] as number] as string,
        type: socialTypes[events.type[event] as number] ?? "post",
        mentionsBrand: (flags & MENTIONS_BRAND) !== 0,
        sentiment: events.sentiment[event] as number,
        sentimentConfidence: events.sentimentConfidence[event] as number,
        sentimentGiven: (flags & TONE_GIVEN) !== 0,
        repliesToCriticism: (flags & REPLIES_TO_CRITICISM) !== 0,
        reach: events.reach[event] as number,
        engagement: events.engagement[event] as number,
        text: events.text[event],
      });
    }
    return posts;
  }
}
