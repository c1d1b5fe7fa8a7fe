import type { CustomerProfile } from "../profile/customer-profile.js";
import { compareText } from "../profile/order.js";
import { detectTopics, DEFAULT_TOPICS } from "../text/topics.js";

/** What a customer can vouch for first-hand, from their own purchases and survey comments. */
export interface Knowledge {
  /** Products and categories bought (kept purchases up to "as of" are not separated: all profiled), most first. */
  readonly products: ReadonlyArray<{ readonly name: string; readonly count: number }>;
  readonly categories: ReadonlyArray<{ readonly name: string; readonly count: number }>;
  /** Topics the customer praised in surveys. */
  readonly praised: readonly string[];
  /** Topics they can speak to: from what they bought and what they praised, sorted. */
  readonly topics: readonly string[];
}

const MAX_ITEMS = 5;

/**
 * Knowledge from a customer's own records: what they bought (most-bought first), what they praised, and the
 * topics those speak to. It feeds topic matching when arming advocates: someone who bought beans for years can
 * speak to quality first-hand; someone who never praised delivery should not be asked to defend it.
 *
 * @example
 * knowledgeOf(profile).topics; //=> ["quality", "shipping"]
 */
export function knowledgeOf(profile: CustomerProfile, topicMap: Readonly<Record<string, readonly string[]>> = DEFAULT_TOPICS): Knowledge {
  const byCount = (items: readonly { name: string; count: number }[]) =>
    [...items]
      .sort((a, b) => b.count - a.count || compareText(a.name, b.name))
      .slice(0, MAX_ITEMS)
      .map(({ name, count }) => ({ name, count }));
  const products = byCount(profile.purchases.products);
  const categories = byCount(profile.purchases.categories);
  const praised = [...new Set(profile.surveys.flatMap((response) => response.praise ?? []))].sort(compareText);
  const topics = new Set<string>(praised);
  for (const item of [...products, ...categories]) for (const topic of detectTopics(item.name, topicMap)) topics.add(topic);
  return { products, categories, praised, topics: [...topics].sort(compareText) };
}
