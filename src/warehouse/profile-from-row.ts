import type { CustomerProfile, DatedRef, ItemCount, SocialEvidence, SurveyEvidence } from "../profile/customer-profile.js";
import { compareDated, compareText } from "../profile/order.js";
import { socialTypes, type SocialType } from "../schema/vocabulary.js";
import { readTone } from "../text/tone/read-tone.js";
import type { ToneAdjustmentWeights, ToneOptions } from "../text/tone/tone-reader.js";
import type { BrandWords } from "../text/tone/tone-tokens.js";
import { verbatimThemes } from "../text/themes.js";
import { checkKnownKeys } from "../schema/did-you-mean.js";
import { DEFAULT_TOPICS } from "../text/topics.js";
import {
  countOf,
  listOf,
  optionalBoolean,
  optionalInteger,
  optionalNumber,
  optionalRecord,
  optionalText,
  requiredInteger,
  requiredNumber,
  requiredText,
} from "./row-values.js";

/**
 * Topic → keywords, as the library's `topics` option (spelled out here rather than imported from the profile
 * builder's internals, which may change while the profile objects stay the same).
 */
export type TopicKeywords = Readonly<Record<string, readonly string[]>>;

/** Options of {@link profileFromRow}. */
export interface ProfileFromRowOptions {
  /** Topic keywords for praise and complaint themes in comments: the same `topics` option the library was given (default {@link DEFAULT_TOPICS}). */
  readonly topics?: TopicKeywords | undefined;
  /** The brand's names and handles (the `brand` option): text is read toward the brand, as the profile builder reads it. */
  readonly brand?: BrandWords | undefined;
  /** The tone adjustment the model kept (`model.tone.adjustment`), as the profile builder was given it. */
  readonly toneAdjustment?: ToneAdjustmentWeights | undefined;
}

/** The tone options the profile builder reads with, from the same brand and adjustment. */
function toneOptionsOf(options: ProfileFromRowOptions): ToneOptions {
  const brand = options.brand;
  const knowsBrand = brand !== undefined && (brand.names.length > 0 || brand.handles.length > 0);
  return { ...(knowsBrand ? { brand } : {}), ...(options.toneAdjustment === undefined ? {} : { adjustment: options.toneAdjustment }) };
}

/** The keys of {@link ProfileFromRowOptions}: checked without zod, which the scoring bundle does not carry. */
const PROFILE_FROM_ROW_OPTIONS = ["topics", "brand", "toneAdjustment"] as const satisfies ReadonlyArray<keyof ProfileFromRowOptions>;

/** A row of `profileSql`'s result, as a warehouse client returns it (see the README for its columns). */
export type ProfileRow = Readonly<Record<string, unknown>>;

const SOCIAL_TYPES: ReadonlySet<string> = new Set(socialTypes);

function records(value: unknown, path: string): Array<Readonly<Record<string, unknown>>> {
  return listOf(value, path).map((element, index) => {
    const record = optionalRecord(element, `${path}[${index}]`);
    if (record === undefined) throw new TypeError(`profile row: ${path}[${index}] is missing`);
    return record;
  });
}

function datedRef(record: Readonly<Record<string, unknown>>, source: string, path: string): DatedRef {
  return { day: requiredInteger(record.day, `${path}.day`), ref: { source, row: requiredInteger(record.row, `${path}.row`) } };
}

function optionalDatedRef(value: unknown, source: string, path: string): DatedRef | undefined {
  const record = optionalRecord(value, path);
  return record === undefined ? undefined : datedRef(record, source, path);
}

function items(value: unknown, source: string, path: string): ItemCount[] {
  return records(value, path)
    .map((item, index) => {
      const at = `${path}[${index}]`;
      const last = optionalDatedRef(item.last, source, `${at}.last`);
      if (last === undefined) throw new TypeError(`profile row: ${at}.last is missing`);
      return { name: requiredText(item.name, `${at}.name`), count: countOf(item.count, `${at}.count`), last };
    })
    .sort((a, b) => compareText(a.name, b.name));
}

/** Keyed pairs (answers, handles) with absent values left out, sorted by key as the library sorts them. */
function pairs<T>(value: unknown, path: string, key: string, field: string, read: (value: unknown, path: string) => T | undefined): Array<[string, T]> {
  const result: Array<[string, T]> = [];
  records(value, path).forEach((pair, index) => {
    const read_ = read(pair[field], `${path}[${index}].${field}`);
    if (read_ !== undefined) result.push([requiredText(pair[key], `${path}[${index}].${key}`), read_]);
  });
  return result.sort(([a], [b]) => compareText(a, b));
}

function survey(record: Readonly<Record<string, unknown>>, source: string, path: string, topics: TopicKeywords, toneOptions: ToneOptions): SurveyEvidence {
  const { day, ref } = datedRef(record, source, path);
  const comment = optionalText(record.comment, `${path}.comment`);
  // What SQL cannot compute, computed here with the library's own text analysis (never a copy of it).
  const tone = comment === undefined ? undefined : readTone(comment, toneOptions);
  const themes = comment === undefined ? undefined : verbatimThemes(comment, topics, toneOptions);
  return {
    day,
    ref,
    nps: optionalInteger(record.nps, `${path}.nps`),
    csat: optionalNumber(record.csat, `${path}.csat`),
    answers: pairs(record.answers, `${path}.answers`, "item", "value", optionalNumber),
    comment,
    sentiment: tone?.score,
    sentimentConfidence: tone?.confidence,
    positiveWords: tone?.positiveWords,
    negativeWords: tone?.negativeWords,
    praise: themes?.praise,
    complaints: themes?.complaints,
  };
}

function post(record: Readonly<Record<string, unknown>>, source: string, path: string, toneOptions: ToneOptions): SocialEvidence {
  const { day, ref } = datedRef(record, source, path);
  const type = requiredText(record.type, `${path}.type`);
  if (!SOCIAL_TYPES.has(type)) throw new TypeError(`profile row: ${path}.type should be one of ${socialTypes.join(", ")}, got ${JSON.stringify(type)}`);
  const text = optionalText(record.text, `${path}.text`);
  const given = optionalNumber(record.sentiment, `${path}.sentiment`);
  const tone = given !== undefined || text === undefined ? undefined : readTone(text, toneOptions);
  return {
    day,
    ref,
    platform: requiredText(record.platform, `${path}.platform`),
    type: type as SocialType,
    mentionsBrand: optionalBoolean(record.mentionsBrand, `${path}.mentionsBrand`) ?? false,
    sentiment: given ?? tone?.score ?? 0,
    sentimentConfidence: given !== undefined ? 1 : (tone?.confidence ?? 0),
    sentimentGiven: given !== undefined,
    repliesToCriticism: optionalBoolean(record.repliesToCriticism, `${path}.repliesToCriticism`) ?? false,
    reach: optionalNumber(record.reach, `${path}.reach`) ?? 0,
    engagement: optionalNumber(record.engagement, `${path}.engagement`) ?? 0,
    text,
  };
}

/**
 * Turns one row of `profileSql`'s result into the {@link CustomerProfile} the library builds from the same records
 * (`prepareProfiles(data, options).profiles.get(id)`, deep-equal). The SQL aggregates; this adds what SQL cannot do
 * the library's way: money summed in source-row order (bit-identical floating-point sums), the sentiment, lexicon
 * words and praise/complaint themes of comments, the sentiment of posts that carry none (all with the library's own
 * `readTone` and `verbatimThemes`), and text sorted by UTF-16 code units as JavaScript sorts it (warehouses sort
 * by bytes or code points). Rows may come as the warehouse client returns them: BigInt or string integers, NULLs or
 * missing keys for absent values, JSON strings for nested columns.
 *
 * @throws {TypeError} naming the field, when the row is malformed (a missing day, a non-finite number, an unknown
 * social type, orders that do not match the spends).
 * @example
 * const reader = await connection.runAndReadAll(profileSql({ dialect: "duckdb", purchases: { table: "purchases" } }));
 * const profiles = new Map(reader.getRowObjectsJS().map((row) => [String(row.customerId), profileFromRow(row)]));
 * profiles.get("C0042")?.purchases.days.length; //=> 31
 */
export function profileFromRow(row: ProfileRow, options: ProfileFromRowOptions = {}): CustomerProfile {
  checkKnownKeys(options, PROFILE_FROM_ROW_OPTIONS, "profileFromRow");
  const topics = options.topics ?? DEFAULT_TOPICS;
  const toneOptions = toneOptionsOf(options);
  const sources = optionalRecord(row.sources, "sources") ?? {};
  const sourceOf = (name: string): string => optionalText(sources[name], `sources.${name}`) ?? name;
  const purchases = sourceOf("purchases");

  // Spend is summed as the library sums it: each day's amounts smallest first, then the days in order — the same
  // sum whatever order the warehouse returns the purchases in.
  const spends = records(row.spends, "spends").map((purchase, index) => ({
    day: requiredInteger(purchase.day, `spends[${index}].day`),
    amount: requiredNumber(purchase.amount, `spends[${index}].amount`),
  }));
  const amountsByDay = new Map<number, number[]>();
  for (const { day, amount } of spends) {
    const amounts = amountsByDay.get(day);
    if (amounts === undefined) amountsByDay.set(day, [amount]);
    else amounts.push(amount);
  }
  const days = [...amountsByDay.keys()].sort((a, b) => a - b);
  const daySpend = days.map((day) => {
    let sum = 0;
    for (const amount of Float64Array.from(amountsByDay.get(day) ?? []).sort()) sum += amount;
    return sum;
  });
  let spend = 0;
  for (const amount of daySpend) spend += amount;
  const orders = countOf(row.orders, "orders");
  if (orders !== spends.length) throw new TypeError(`profile row: orders (${orders}) should equal the number of spends (${spends.length})`);

  const surveys = sourceOf("surveys");
  const social = sourceOf("social");
  return {
    customerId: requiredText(row.customerId, "customerId"),
    name: optionalText(row.name, "name"),
    handles: pairs(row.handles, "handles", "platform", "handle", (value, path) => {
      const handle = optionalText(value, path);
      return handle === undefined || handle.trim() === "" ? undefined : handle;
    }),
    consent: optionalBoolean(row.consent, "consent"),
    lastInvitedDay: optionalInteger(row.lastInvitedDay, "lastInvitedDay"),
    purchases: {
      orders,
      returned: countOf(row.returned, "returned"),
      spend,
      days,
      daySpend,
      first: optionalDatedRef(row.firstPurchase, purchases, "firstPurchase"),
      last: optionalDatedRef(row.lastPurchase, purchases, "lastPurchase"),
      products: items(row.products, purchases, "products"),
      categories: items(row.categories, purchases, "categories"),
    },
    surveys: records(row.surveys, "surveys")
      .map((response, index) => survey(response, surveys, `surveys[${index}]`, topics, toneOptions))
      .sort(compareDated),
    social: {
      public: records(row.publicSocial, "publicSocial")
        .map((activity, index) => post(activity, social, `publicSocial[${index}]`, toneOptions))
        .sort(compareDated),
      privateCount: countOf(row.privateSocial, "privateSocial"),
    },
  };
}
