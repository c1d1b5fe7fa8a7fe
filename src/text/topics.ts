/**
 * Default topic keywords: which words in a criticism, a comment or a fact signal which topic. Override with the
 * `topics` option; keys are topic names (lower case), values are words or stems matched at word starts.
 */
export const DEFAULT_TOPICS: Readonly<Record<string, readonly string[]>> = {
  shipping: ["ship", "deliver", "arriv", "late", "courier", "parcel", "dispatch", "package", "tracking"],
  price: ["price", "pric", "expensive", "cost", "cheap", "value", "overpriced", "subscription fee", "£", "$"],
  support: ["support", "service", "help", "agent", "refund", "respon", "customer care", "sorted"],
  quality: ["quality", "fresh", "taste", "flavo", "bean", "roast", "stale", "broken", "defect"],
  app: ["app", "website", "login", "checkout", "crash", "bug", "update"],
  sustainability: ["sustainab", "recycl", "plastic", "ethical", "fair trade", "compost", "carbon"],
};

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Compiled keyword matchers, cached per topic map. */
const compiled = new WeakMap<object, Array<[string, RegExp]>>();

function matchersOf(topics: Readonly<Record<string, readonly string[]>>): Array<[string, RegExp]> {
  let matchers = compiled.get(topics);
  if (matchers === undefined) {
    matchers = Object.entries(topics)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([topic, words]) => [topic, new RegExp(`(^|[^\\p{L}\\p{N}])(${words.map(escapeRegExp).join("|")})`, "iu")]);
    compiled.set(topics, matchers);
  }
  return matchers;
}

/**
 * The topics a text speaks to, sorted, by keyword match.
 *
 * @example
 * detectTopics("My order arrived late and support never answered"); //=> ["shipping", "support"]
 */
export function detectTopics(text: string, topics: Readonly<Record<string, readonly string[]>> = DEFAULT_TOPICS): string[] {
  return matchersOf(topics)
    .filter(([, matcher]) => matcher.test(text))
    .map(([topic]) => topic);
}
