import type { ExclusionReason } from "./exclusion-policy.js";
import type { PackedLists } from "./list-column.js";

/** Sorted platform → handle pairs of one customer record. */
export type HandlePairs = ReadonlyArray<readonly [platform: string, handle: string]>;
/** Sorted item → value pairs of one survey response. */
export type AnswerPairs = ReadonlyArray<readonly [item: string, value: number]>;


/** Columns every event table has: whose event it is and the record it came from. */
interface EventColumns {
  /** The customer's index in the shard's `ids`. */
  readonly customer: Int32Array;
  /** The record's source, as an index in the shard's `sources`, and its 1-based row there. */
  readonly source: Int32Array;
  readonly row: Int32Array;
}

/** Customer records (CRM exports), one event each; the first by (source, row) gives the profile's CRM fields. */
export interface CustomerRecordColumns extends EventColumns {
  readonly name: ReadonlyArray<string | undefined>;
  /** Per record, its handles: platform codes (in the shard's `strings`), the handle as the text beside each. */
  readonly handles: PackedLists;
  /** 1 yes, 0 no, −1 not given. */
  readonly consent: Int32Array;
  /** UTC day of the last invitation, or {@link NO_DAY}. */
  readonly invitedDay: Int32Array;
}

/** Kept (not returned) purchases. */
export interface PurchaseColumns extends EventColumns {
  readonly day: Int32Array;
  readonly amount: Float64Array;
  /** Codes in the shard's `strings`, or −1 for none. */
  readonly product: Int32Array;
  readonly category: Int32Array;
}

/** Survey responses; NaN marks an answer not given. */
export interface SurveyColumns extends EventColumns {
  readonly day: Int32Array;
  readonly nps: Float64Array;
  readonly csat: Float64Array;
  /** Per response, its answers: item codes (in the shard's `strings`), the value as the number beside each. */
  readonly answers: PackedLists;
  readonly comment: ReadonlyArray<string | undefined>;
  /** What the lexicon and the topic keywords found in each comment (NaN and empty lists without a comment). */
  readonly sentiment: Float64Array;
  readonly positiveWords: PackedLists;
  readonly negativeWords: PackedLists;
  readonly praise: PackedLists;
  readonly complaints: PackedLists;
}

/** Public social activity (private activity is only counted, per customer). */
export interface SocialColumns extends EventColumns {
  readonly day: Int32Array;
  /** Codes in the shard's `strings`. */
  readonly platform: Int32Array;
  /** Index in `socialTypes`. */
  readonly type: Uint8Array;
  /** {@link MENTIONS_BRAND} | {@link REPLIES_TO_CRITICISM}. */
  readonly flags: Uint8Array;
  readonly sentiment: Float64Array;
  readonly reach: Float64Array;
  readonly engagement: Float64Array;
  readonly text: ReadonlyArray<string | undefined>;
}

/** Bits of {@link SocialColumns.flags}. */
export const MENTIONS_BRAND = 1;
export const REPLIES_TO_CRITICISM = 2;
/** A missing day in an Int32 day column. */
export const NO_DAY = -2_147_483_648;

/**
 * Part of a population's profiles, as plain columns: what one reader (or one worker thread) profiled from its part
 * of the records. Shards merge: adding two shards to a builder gives the same profiles as one pass over all their
 * records, because the builder sorts every event into one canonical order when it builds. Every field survives
 * `structuredClone`, and the typed arrays can be transferred between threads without copying.
 */
export interface ProfileShard {
  /** Customer IDs, in the order the shard first saw them. */
  readonly ids: readonly string[];
  /** Per customer (same order as `ids`): purchase records marked returned, and private social activities. */
  readonly returned: Int32Array;
  readonly privateActivities: Int32Array;
  /** Per customer, the latest day of any of their records (returned purchases and private posts included), or {@link NO_DAY}. */
  readonly latestDayOf: Int32Array;
  /** Interned names: products, categories, platforms, survey items, lexicon words, topics. */
  readonly strings: readonly string[];
  /** Source names (file names) the citations point into. */
  readonly sources: readonly string[];
  readonly customers: CustomerRecordColumns;
  readonly purchases: PurchaseColumns;
  readonly surveys: SurveyColumns;
  readonly social: SocialColumns;
  /** Latest event day among all valid records, excluded customers' too (the default "as of"). */
  readonly latestSeenDay: number;
  /** Customers whose records were left out, with why (each ID once). */
  readonly excluded: ReadonlyArray<readonly [customerId: string, reason: ExclusionReason]>;
}
