import { verbatimThemes } from "../text/themes.js";
import { textSentiment } from "../text/sentiment.js";
import type { Customer } from "../schema/customer.js";
import type { RecordRef } from "../schema/problem.js";
import type { Purchase } from "../schema/purchase.js";
import type { SocialActivity } from "../schema/social.js";
import type { SurveyResponse } from "../schema/survey.js";
import type { CustomerProfile, DatedRef, ItemCount, SocialEvidence, SurveyEvidence } from "./customer-profile.js";
import { toDay } from "./day.js";
import { compareDated, compareText } from "./order.js";

/** Topic → keywords map used to find praise and complaint themes in comments. */
export type TopicMap = Readonly<Record<string, readonly string[]>>;

function countItem(items: Map<string, { count: number; last: DatedRef }>, name: string | undefined, at: DatedRef): void {
  if (name === undefined) return;
  const seen = items.get(name);
  if (seen === undefined) items.set(name, { count: 1, last: at });
  else items.set(name, { count: seen.count + 1, last: compareDated(at, seen.last) > 0 ? at : seen.last });
}

function sortedItems(items: Map<string, { count: number; last: DatedRef }>): ItemCount[] {
  return [...items].map(([name, item]) => ({ name, ...item })).sort((a, b) => compareText(a.name, b.name));
}

/**
 * Mutable, per-customer accumulator used while reading records in one pass; `toProfile()` freezes it into the
 * plain, sorted {@link CustomerProfile}. Sorting happens once at the end, so input order never matters.
 *
 * @example
 * const accumulator = new ProfileAccumulator("c1");
 * accumulator.addPurchase({ customerId: "c1", date: new Date("2026-01-05"), amount: 12 }, { source: "purchases", row: 1 });
 * accumulator.toProfile().purchases.orders; //=> 1
 */
export class ProfileAccumulator {
  private customer: Customer | undefined;
  private orders = 0;
  private returned = 0;
  private spend = 0;
  private readonly spendByDay = new Map<number, number>();
  private first: DatedRef | undefined;
  private last: DatedRef | undefined;
  private readonly products = new Map<string, { count: number; last: DatedRef }>();
  private readonly categories = new Map<string, { count: number; last: DatedRef }>();
  private readonly surveys: SurveyEvidence[] = [];
  private readonly publicSocial: SocialEvidence[] = [];
  private privateCount = 0;

  constructor(readonly customerId: string) {}

  /** Records the CRM record of this customer (the first one wins if the export has duplicates). */
  addCustomer(customer: Customer): void {
    this.customer ??= customer;
  }

  addPurchase(purchase: Purchase, ref: RecordRef): void {
    if (purchase.returned === true) {
      // A returned purchase is not buying: counted for transparency, excluded from recency, frequency and spend.
      this.returned += 1;
      return;
    }
    const at: DatedRef = { day: toDay(purchase.date), ref };
    this.orders += 1;
    this.spend += purchase.amount;
    this.spendByDay.set(at.day, (this.spendByDay.get(at.day) ?? 0) + purchase.amount);
    if (this.first === undefined || compareDated(at, this.first) < 0) this.first = at;
    if (this.last === undefined || compareDated(at, this.last) > 0) this.last = at;
    countItem(this.products, purchase.product, at);
    countItem(this.categories, purchase.category, at);
  }

  addSurvey(survey: SurveyResponse, ref: RecordRef, topics: TopicMap): void {
    const answers = Object.entries(survey.answers ?? {}).sort(([a], [b]) => compareText(a, b));
    const comment = survey.comment;
    const tone = comment === undefined ? undefined : textSentiment(comment);
    const themes = comment === undefined ? undefined : verbatimThemes(comment, topics);
    this.surveys.push({
      day: toDay(survey.date),
      ref,
      nps: survey.nps,
      csat: survey.csat,
      answers,
      comment,
      sentiment: tone?.score,
      positiveWords: tone?.positiveWords,
      negativeWords: tone?.negativeWords,
      praise: themes?.praise,
      complaints: themes?.complaints,
    });
  }

  addSocial(activity: SocialActivity, ref: RecordRef): void {
    if (!activity.public) {
      this.privateCount += 1;
      return;
    }
    this.publicSocial.push({
      day: toDay(activity.date),
      ref,
      platform: activity.platform,
      type: activity.type,
      mentionsBrand: activity.mentionsBrand ?? false,
      sentiment: activity.sentiment ?? (activity.text === undefined ? 0 : textSentiment(activity.text).score),
      repliesToCriticism: activity.repliesToCriticism ?? false,
      reach: activity.reach ?? 0,
      engagement: activity.engagement ?? 0,
      text: activity.text,
    });
  }

  toProfile(): CustomerProfile {
    const days = [...this.spendByDay.keys()].sort((a, b) => a - b);
    const handles = Object.entries(this.customer?.handles ?? {}).sort(([a], [b]) => compareText(a, b));
    return {
      customerId: this.customerId,
      name: this.customer?.name,
      handles,
      consent: this.customer?.consent,
      lastInvitedDay: this.customer?.lastInvitedAt === undefined ? undefined : toDay(this.customer.lastInvitedAt),
      purchases: {
        orders: this.orders,
        returned: this.returned,
        spend: this.spend,
        days,
        daySpend: days.map((day) => this.spendByDay.get(day) ?? 0),
        first: this.first,
        last: this.last,
        products: sortedItems(this.products),
        categories: sortedItems(this.categories),
      },
      surveys: [...this.surveys].sort(compareDated),
      social: { public: [...this.publicSocial].sort(compareDated), privateCount: this.privateCount },
    };
  }
}
