import type { ExportPreset } from "./export-preset.js";
import { mappedKeys, withKeys } from "./flat-record.js";
import { fieldsOnly, isoFromUnixSeconds, plainNumber, rawText } from "./raw-values.js";

/*
 * Reddit's JSON API listings, saved as JSON: a search or subreddit listing of posts (`/search.json?q=…`,
 * `/r/…/new.json`), a user's comments, or a post's comment page (`/comments/<id>.json`, an array of two Listings:
 * the post, then its comment tree).
 *
 * Source: https://github.com/reddit-archive/reddit/wiki/json — every "thing" has `kind` (`t1` comment, `t3` link
 * i.e. post, `more`, `Listing`) and `data`; a Listing's `data.children` holds things; all things have `id` and
 * `name` (the fullname, `t1_c3v7f8u`); a comment has `author`, `body`, `created_utc` (Unix seconds, UTC),
 * `parent_id` (the fullname of the comment or post it answers), `link_id`, `score`, `replies` (a Listing of the
 * comments under it); a post has `author`, `title`, `selftext`, `created_utc`, `num_comments`, `score`,
 * `permalink`, `url`. `permalink` on comments, and `[deleted]` for a removed account's author, are as seen in the
 * API's responses (not on the wiki page).
 *
 * `records` walks the listing (and each comment's `replies`, so a thread comes out whole) and gives each thing's
 * own scalar fields plus its `kind`. Post ids are fullnames, so a comment's `parent_id` meets its parent's `name`:
 * threads rebuild from them. A post is `post`, a comment on a post `comment`, a comment on a comment `reply`; a
 * post's text is its title and self text; engagement is the score (net votes, floored at 0) plus a post's comment
 * count. A `more` stub (comments the listing did not include) is reported, not read: its comments are not in the
 * file.
 */

const EXTRA = ["kind", "selftext", "score", "comments"] as const;

/** The things of a listing, depth first, each comment followed by its replies. */
function* things(node: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(node)) {
    for (const item of node) yield* things(item);
    return;
  }
  if (node === null || typeof node !== "object") return;
  const { kind, data } = node as { kind?: unknown; data?: unknown };
  if (data === null || typeof data !== "object") return;
  const body = data as Record<string, unknown>;
  if (kind === "Listing") {
    yield* things(body.children);
    return;
  }
  const row: Record<string, unknown> = { kind };
  for (const [key, value] of Object.entries(body)) if (value === null || typeof value !== "object") row[key] = value;
  yield row;
  yield* things(body.replies);
}

/** The flat records of a saved Reddit listing (or comment page): posts and comments, replies included. */
function* redditRecords(document: unknown): Iterable<Record<string, unknown>> {
  if (document === null || typeof document !== "object") {
    throw new Error('reddit: expected a Reddit JSON Listing ({ "kind": "Listing", "data": { "children": [...] } }) or an array of them');
  }
  const keys = mappedKeys(redditListing);
  for (const thing of things(document)) yield withKeys(thing, keys);
}

/** Reddit JSON listings: posts and comments by author handle, threads from fullnames, votes as engagement. */
export const redditListing: ExportPreset = {
  name: "reddit",
  kind: "social",
  title: "Reddit JSON listing of posts or comments (search, subreddit, user or comment page .json), saved as JSON",
  documentation: ["https://github.com/reddit-archive/reddit/wiki/json"],
  columns: {
    author: "author",
    date: "created_utc",
    text: "body",
    title: "title",
    postId: "name",
    inReplyTo: "parent_id",
    url: "permalink",
  },
  extraColumns: { kind: "kind", selftext: "selftext", score: "score", comments: "num_comments" },
  constants: { platform: "reddit", public: true, type: "comment" },
  records: redditRecords,
  adapt(record) {
    const kind = rawText(record.kind);
    if (kind === "more") return { skip: "'load more comments' stub (those comments are not in the file)" };
    const author = rawText(record.author);
    if (author === undefined || author === "[deleted]") return { skip: "deleted author" };
    const fields = fieldsOnly(record, EXTRA);
    if (kind === "t3") {
      fields.type = "post";
      const text = [rawText(record.title), rawText(record.selftext)].filter((part) => part !== undefined).join("\n\n");
      if (text !== "") fields.text = text;
    } else {
      const body = rawText(record.text);
      if (body === "[removed]" || body === "[deleted]") return { skip: "removed or deleted comment" };
      fields.type = rawText(record.inReplyTo)?.startsWith("t1_") === true ? "reply" : "comment";
    }
    if (record.date !== undefined) fields.date = isoFromUnixSeconds(record.date) ?? record.date;
    const score = plainNumber(record.score);
    if (score !== undefined) fields.engagement = Math.max(0, score) + (plainNumber(record.comments) ?? 0);
    const permalink = rawText(record.url);
    if (permalink?.startsWith("/") === true) fields.url = `https://www.reddit.com${permalink}`;
    return fields;
  },
};
