import type { ExportPreset } from "./export-preset.js";
import { flatRecord, mappedKeys, withKeys } from "./flat-record.js";
import { fieldsOnly, plainNumber, rawText } from "./raw-values.js";

/*
 * X (Twitter) API v2 tweets, as a search or lookup returns them (`GET /2/tweets/search/recent`, `/2/tweets`,
 * `/2/users/:id/mentions`) with `expansions=author_id,referenced_tweets.id` and
 * `tweet.fields=created_at,author_id,conversation_id,referenced_tweets,public_metrics` and
 * `user.fields=username,public_metrics`, saved as JSON (one response, or an array of paged responses).
 *
 * Sources: https://developer.x.com/en/docs/twitter-api/data-dictionary/object-model.html (the Tweet object: `id`,
 * `text`, `author_id`, `created_at` ISO 8601, `conversation_id`, `referenced_tweets` as `{type: "replied_to" |
 * "quoted" | "retweeted", id}`, `public_metrics` with `retweet_count`, `reply_count`, `like_count`, `quote_count`)
 * and https://developer.x.com/en/docs/x-api/data-dictionary/using-fields-and-expansions (the response's `data`
 * array beside `includes.users` — each with `id`, `username`, `public_metrics.followers_count` — and
 * `includes.tweets` for referenced tweets).
 *
 * `records` joins each tweet to its author and flattens it: the tweet's own keys (`public_metrics.like_count`),
 * each referenced tweet under its type (`referenced_tweets.replied_to` → that tweet's id) and the author's user
 * fields under `author.` (`author.username`). Referenced tweets in `includes.tweets` that the response's `data` does
 * not hold are read too: the critical post a reply answers is what rebuilds the thread. A reply is `reply`, a
 * retweet `share`, any other tweet (a quote tweet included: it is the author's own words) `post`; engagement is
 * likes + replies + retweets + quotes (impressions are not engagement; bookmarks are private); reach is the
 * author's followers.
 */

const EXTRA = ["likes", "replies", "retweets", "quotes", "retweeted"] as const;

interface XUser {
  readonly id?: unknown;
}

/** The response pages of a saved document: one response object, or an array of them. */
function responsePages(document: unknown): readonly Record<string, unknown>[] {
  const pages = Array.isArray(document) ? document : [document];
  return pages.map((page) => {
    if (page === null || typeof page !== "object" || Array.isArray(page)) {
      throw new Error("x-api-v2: expected an X API v2 response object ({ data, includes, meta }) or an array of them");
    }
    return page as Record<string, unknown>;
  });
}

const listOf = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);

/** The flat records of X API v2 responses: tweets joined to their authors, referenced tweets keyed by their type. */
function* xRecords(document: unknown): Iterable<Record<string, unknown>> {
  const keys = mappedKeys(xApiV2);
  const seen = new Set<string>();
  for (const page of responsePages(document)) {
    const includes = (page.includes ?? {}) as Record<string, unknown>;
    const users = new Map<string, unknown>();
    for (const user of listOf(includes.users)) users.set(String((user as XUser).id), user);
    // Tweets matched by the request first, then referenced tweets that are context only.
    for (const tweet of [...listOf(page.data), ...listOf(includes.tweets)]) {
      if (tweet === null || typeof tweet !== "object") continue;
      const row = flatRecord(tweet);
      const id = rawText(row.id);
      if (id !== undefined) {
        if (seen.has(id)) continue;
        seen.add(id);
      }
      for (const reference of listOf((tweet as Record<string, unknown>).referenced_tweets)) {
        const { type, id: referencedId } = (reference ?? {}) as Record<string, unknown>;
        if (typeof type === "string") row[`referenced_tweets.${type}`] = referencedId;
      }
      Object.assign(row, flatRecord(users.get(String(row.author_id)), "author."));
      yield withKeys(row, keys);
    }
  }
}

/** X API v2 tweets (search/lookup JSON): authors joined by handle, replies threaded, public metrics summed. */
export const xApiV2: ExportPreset = {
  name: "x-api-v2",
  kind: "social",
  title: "X (Twitter) API v2 tweets: a search, lookup or mentions response with includes.users, saved as JSON",
  documentation: [
    "https://developer.x.com/en/docs/twitter-api/data-dictionary/object-model.html",
    "https://developer.x.com/en/docs/x-api/data-dictionary/using-fields-and-expansions",
  ],
  columns: {
    author: "author.username",
    date: "created_at",
    text: "text",
    postId: "id",
    inReplyTo: "referenced_tweets.replied_to",
    reach: "author.public_metrics.followers_count",
  },
  extraColumns: {
    likes: "public_metrics.like_count",
    replies: "public_metrics.reply_count",
    retweets: "public_metrics.retweet_count",
    quotes: "public_metrics.quote_count",
    retweeted: "referenced_tweets.retweeted",
  },
  // Tweets the API returns are public posts on X; `type` is refined per tweet from its references.
  constants: { platform: "twitter", public: true, type: "post" },
  records: xRecords,
  adapt(record) {
    const author = rawText(record.author);
    if (author === undefined) return { skip: "author not in includes.users (request expansions=author_id)" };
    const fields = fieldsOnly(record, EXTRA);
    if (rawText(record.inReplyTo) !== undefined) fields.type = "reply";
    else if (rawText(record.retweeted) !== undefined) fields.type = "share";
    const metrics = [record.likes, record.replies, record.retweets, record.quotes].map(plainNumber).filter((count) => count !== undefined);
    if (metrics.length > 0) fields.engagement = metrics.reduce((sum, count) => sum + count, 0);
    const id = rawText(record.postId);
    if (id !== undefined && fields.url === undefined) fields.url = `https://x.com/${author}/status/${id}`;
    return fields;
  },
};
