import type { SocialType } from "../vocabulary.js";

/**
 * Words listening tools and platforms use for kinds of activity, mapped to the library's five. A quote post carries
 * its author's own words, so it is a post; a retweet or repost only passes someone else's on, so it is a share.
 */
export const SOCIAL_TYPE_WORDS: ReadonlyMap<string, SocialType> = new Map<string, SocialType>([
  ...(["post", "tweet", "status", "mention", "quote", "quoted", "quote tweet", "article", "blog", "blog post", "video", "photo", "image", "story", "thread", "submission", "link", "original"] as const).map((word) => [word, "post"] as const),
  ...(["reply", "replied_to", "replied to", "answer", "response"] as const).map((word) => [word, "reply"] as const),
  ...(["comment", "comments"] as const).map((word) => [word, "comment"] as const),
  ...(["review", "rating", "ratings"] as const).map((word) => [word, "review"] as const),
  ...(["share", "retweet", "retweeted", "rt", "repost", "reblog", "forward", "shared"] as const).map((word) => [word, "share"] as const),
]);

/**
 * Sentiment labels of listening tools, on the library's −1..1 scale. The label is the tool's judgement and is used
 * as given; the numbers only place it on the scale (a plain "positive" sits well above the 0.05 threshold of a
 * favourable post, "very positive" at the top).
 */
export const SENTIMENT_LABELS: ReadonlyMap<string, number> = new Map([
  ["very positive", 1],
  ["strongly positive", 1],
  ["positive", 0.6],
  ["pos", 0.6],
  ["somewhat positive", 0.3],
  ["slightly positive", 0.3],
  ["neutral", 0],
  ["neu", 0],
  ["mixed", 0],
  ["none", 0],
  ["not rated", 0],
  ["slightly negative", -0.3],
  ["somewhat negative", -0.3],
  ["negative", -0.6],
  ["neg", -0.6],
  ["strongly negative", -1],
  ["very negative", -1],
]);

/**
 * Other names of platforms, so a handle on "X" matches activity on "twitter" (the name the library keeps).
 */
export const PLATFORM_ALIASES: ReadonlyMap<string, string> = new Map([
  ["x", "twitter"],
  ["x.com", "twitter"],
  ["twitter.com", "twitter"],
  ["x (twitter)", "twitter"],
  ["twitter/x", "twitter"],
  ["x/twitter", "twitter"],
  ["fb", "facebook"],
  ["facebook.com", "facebook"],
  ["ig", "instagram"],
  ["instagram.com", "instagram"],
  ["reddit.com", "reddit"],
  ["youtube.com", "youtube"],
  ["linkedin.com", "linkedin"],
  ["tiktok.com", "tiktok"],
  ["trustpilot.com", "trustpilot"],
]);

/**
 * A platform's name as the library keeps it: trimmed, lower-cased, aliases resolved.
 *
 * @example
 * platformName(" X "); //=> "twitter"
 * platformName("Reddit"); //=> "reddit"
 */
export function platformName(name: string): string {
  const lowered = name.trim().toLowerCase();
  return PLATFORM_ALIASES.get(lowered) ?? lowered;
}
