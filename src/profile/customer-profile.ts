import type { RecordRef } from "../schema/problem.js";
import type { SocialType } from "../schema/social.js";

/** A dated, cited point in a customer's history (first purchase, last purchase, …). */
export interface DatedRef {
  readonly day: number;
  readonly ref: RecordRef;
}

/** How often a customer bought a product or category, and the latest purchase of it (to cite). */
export interface ItemCount {
  readonly name: string;
  readonly count: number;
  readonly last: DatedRef;
}

/**
 * What a customer bought, as mergeable aggregates. Purchase *days* (UTC) are the unit of repeat buying, as in
 * the buy-till-you-die literature: several orders on one day are one purchase occasion.
 */
export interface PurchaseAggregate {
  /** Purchase records that were not returned. */
  readonly orders: number;
  /** Purchase records marked returned (not counted as buying). */
  readonly returned: number;
  /** Money spent on purchases that were not returned. */
  readonly spend: number;
  /** Sorted distinct UTC days with a kept purchase. */
  readonly days: readonly number[];
  /** Spend on each of `days`. */
  readonly daySpend: readonly number[];
  readonly first?: DatedRef | undefined;
  readonly last?: DatedRef | undefined;
  /** Products and categories, sorted by name. */
  readonly products: readonly ItemCount[];
  readonly categories: readonly ItemCount[];
}

/** One survey response reduced to what scoring and talking points use, with its citation. */
export interface SurveyEvidence {
  readonly day: number;
  readonly ref: RecordRef;
  readonly nps?: number | undefined;
  readonly csat?: number | undefined;
  /** Raw scale answers as item → value pairs, sorted by item (scored against the model's scale definitions). */
  readonly answers: ReadonlyArray<readonly [item: string, value: number]>;
  readonly comment?: string | undefined;
  /** Sentiment of the comment, −1..1 (the tone model's score), and the words that carried it. */
  readonly sentiment?: number | undefined;
  /** 0..1: how confident the tone reading of the comment is (the probability of the label read). */
  readonly sentimentConfidence?: number | undefined;
  readonly positiveWords?: readonly string[] | undefined;
  readonly negativeWords?: readonly string[] | undefined;
  /** Topics the comment praises and complains about. */
  readonly praise?: readonly string[] | undefined;
  readonly complaints?: readonly string[] | undefined;
}

/** One public social activity, reduced to what voice scoring and talking points use, with its citation. */
export interface SocialEvidence {
  readonly day: number;
  readonly ref: RecordRef;
  readonly platform: string;
  readonly type: SocialType;
  readonly mentionsBrand: boolean;
  /** Given, or read from the text (the stance toward the brand when its names are known); 0 when neither. */
  readonly sentiment: number;
  /** 0..1: how confident that reading is: 1 when the record gave the sentiment, 0 with neither text nor sentiment. */
  readonly sentimentConfidence?: number | undefined;
  /** Whether the record gave the sentiment (a listening tool's label or score), rather than the tone model reading it. */
  readonly sentimentGiven?: boolean | undefined;
  readonly repliesToCriticism: boolean;
  readonly reach: number;
  readonly engagement: number;
  readonly text?: string | undefined;
}

/** Social activity: every public activity kept as evidence; private activity only counted. */
export interface SocialAggregate {
  /** Public activities, sorted by day then source row. */
  readonly public: readonly SocialEvidence[];
  /** Activities marked `public: false`; they never count as voice. */
  readonly privateCount: number;
}

/**
 * Everything known about one customer, built in one pass over the records. Profiles are plain data: two
 * profiles of the same customer built from different shards merge into the profile of the whole.
 */
export interface CustomerProfile {
  readonly customerId: string;
  readonly name?: string | undefined;
  /** Platform → handle pairs, sorted by platform. */
  readonly handles: ReadonlyArray<readonly [platform: string, handle: string]>;
  readonly consent?: boolean | undefined;
  readonly lastInvitedDay?: number | undefined;
  readonly purchases: PurchaseAggregate;
  /** Survey responses sorted by day then source row. */
  readonly surveys: readonly SurveyEvidence[];
  readonly social: SocialAggregate;
}

/**
 * A set of profiles keyed by customer ID (a map: IDs such as `__proto__` are data, not keys of an object). The
 * library's own sets are {@link ProfileStore}s, which keep the events in columns; any `ReadonlyMap` will do.
 */
export interface ProfileSet {
  readonly profiles: ReadonlyMap<string, CustomerProfile>;
  /** The latest event day seen (purchase, survey or social), the default "as of" day. */
  readonly latestDay?: number | undefined;
}
