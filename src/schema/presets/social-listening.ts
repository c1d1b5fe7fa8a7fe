import type { ExportPreset } from "./export-preset.js";
import { fieldsOnly, isoFromUnixSeconds, plainNumber, rawText } from "./raw-values.js";

/*
 * A social-listening mentions export (Brandwatch Consumer Research, Talkwalker, and tools that export in the same
 * style): one row per public mention, with author, date, platform, text, sentiment label, reach, engagement, url.
 * One preset with several candidate names per field; the first column present in the file wins.
 *
 * Sources, per vendor:
 * - Brandwatch: https://developers.brandwatch.com/docs/mention-metadata-field-definitions — the mention fields
 *   (`author`: "the nick name, user name or full name of the person who posted a mention"; `added` written
 *   `YYYY-MM-DD'T'hh:mm:ss.xxx+xxxx`; `accountType`; `categoryDetails`; …) and
 *   https://docs.adverity.com/reference/connectors/connector-brandwatch.htm (the same fields by UI name: `Author`,
 *   `Account Type`, `Category`, …). The CSV header (`Query Id, Query Name, Date, Title, Snippet, Full Text, Url,
 *   Domain, Sentiment, Page Type, Thread Entry Type, …, Author, Likes, Comments, Shares, Mentioned Authors,
 *   Thread Author, X Author ID, X Followers, Engagement Score`) is as seen in exports handled by public code, as are
 *   its values: `Sentiment` positive / negative / neutral, `Page Type` the platform (`twitter`, `reddit`, `news`,
 *   …), `Thread Entry Type` post / reply / share, `Date` written `2026-03-04 14:22:01.0`. The reply link: Brandwatch
 *   exports a mention's `Url`; the column naming the mention a reply answers (`X Reply to`, formerly `Twitter Reply
 *   to`, and `Thread URL`) was not in what was read, so those are candidates only, taken to hold a URL as `Url` does.
 *   Some Brandwatch downloads start with a few report lines above the header: remove them, or they are read as the
 *   header.
 * - Talkwalker: https://developer.talkwalker.com/docs/talkwalker-documents/field-information and
 *   https://developer.talkwalker.com/docs/talkwalker-documents — document fields `url`, `title`, `content`,
 *   `published`, `sentiment`, `reach` ("Twitter: the number of followers of the author"), `engagement`,
 *   `source_type`, the author under `extra_author_attributes` (`short_name` the handle), `parent_url`. Talkwalker's
 *   numeric sentiment scale is not stated there, so a number outside −1..1 is left to the validator (which names
 *   it) rather than rescaled by a guess.
 * - Sprout Social: its listening export's columns were not in the stored pages (https://api.sproutsocial.com/docs/
 *   says listening data is not in its API); map its columns yourself (`--map social.author="…"`).
 *
 * Rules: a date written as a Unix time (10 digits, or 13 for milliseconds, as Talkwalker's API writes `published`:
 * https://developer.talkwalker.com/guides/use-histogram-api/performance passes such timestamps) is read as one; a
 * mention whose reply link points at itself (a thread's first post, whose thread URL is its own) is a post
 * with no parent; a mention with a parent but typed `post` (or no type column) is a reply. Engagement, when the
 * export has no total, is likes + comments + shares. `X` and `x.com` are the platform `twitter`.
 */

const EXTRA = ["likes", "comments", "shares"] as const;

/** Platform names as listening tools write them → the library's platform names. */
const PLATFORM_NAMES = new Map([
  ["x", "twitter"],
  ["x.com", "twitter"],
  ["twitter.com", "twitter"],
  ["reddit.com", "reddit"],
  ["facebook.com", "facebook"],
  ["instagram.com", "instagram"],
]);

/** A date written as a Unix time (Talkwalker's API writes `published` in milliseconds) in ISO form; other forms as written. */
function isoDate(value: unknown): unknown {
  const text = rawText(value);
  if (text === undefined || !/^\d{10}(\d{3})?$/.test(text)) return value;
  return isoFromUnixSeconds(text.length === 13 ? Number(text) / 1000 : text) ?? value;
}

function platformName(value: unknown): unknown {
  const text = rawText(value)?.toLowerCase();
  if (text === undefined) return value;
  const plain = text.replace(/^socialmedia_/, "").replace(/^www\./, "");
  return PLATFORM_NAMES.get(plain) ?? plain;
}

/** A social-listening mentions export (Brandwatch / Talkwalker style CSV): authors by handle, threads by URL. */
export const socialListening: ExportPreset = {
  name: "social-listening",
  kind: "social",
  title: "Social-listening mentions export (Brandwatch Consumer Research, Talkwalker and alike, CSV)",
  documentation: [
    "https://developers.brandwatch.com/docs/mention-metadata-field-definitions",
    "https://docs.adverity.com/reference/connectors/connector-brandwatch.htm",
    "https://developer.talkwalker.com/docs/talkwalker-documents/field-information",
    "https://developer.talkwalker.com/docs/talkwalker-documents",
  ],
  columns: {
    author: ["Author", "extra_author_attributes.short_name", "Screen Name", "Username", "Handle"],
    date: ["Date", "published", "Created Time", "Timestamp"],
    platform: ["Page Type", "source_type", "Platform", "Network", "Source"],
    type: ["Thread Entry Type", "post_type", "Post Type", "Type"],
    text: ["Full Text", "content", "Snippet", "Text", "Message"],
    title: ["Title", "title"],
    sentiment: ["Sentiment", "sentiment"],
    // Followers first: the library's reach is the author's audience; a tool's own per-mention estimate is second.
    reach: ["X Followers", "Twitter Followers", "Followers", "Reach (new)", "Reach", "reach"],
    engagement: ["Engagement Score", "engagement", "Engagements", "Engagement", "Total Engagement"],
    postId: ["Url", "url", "Post URL", "Permalink", "Post Id"],
    inReplyTo: ["X Reply to", "Twitter Reply to", "Thread URL", "parent_url", "Parent URL", "In Reply To"],
    url: ["Url", "url", "Post URL", "Permalink"],
  },
  extraColumns: { likes: ["Likes", "X Likes", "Twitter Likes"], comments: ["Comments", "Replies"], shares: ["Shares", "X Reposts", "Twitter Retweets"] },
  // Listening tools collect public mentions; a mention is a post unless its type column says otherwise.
  constants: { public: true, type: "post" },
  adapt(record) {
    const fields = fieldsOnly(record, EXTRA);
    if (fields.platform !== undefined) fields.platform = platformName(fields.platform);
    if (fields.date !== undefined) fields.date = isoDate(fields.date);
    const postId = rawText(fields.postId);
    const parent = rawText(fields.inReplyTo);
    if (parent !== undefined && parent === postId) delete fields.inReplyTo;
    else if (parent !== undefined && rawText(fields.type)?.toLowerCase() === "post") fields.type = "reply";
    if (fields.engagement === undefined) {
      const counts = [record.likes, record.comments, record.shares].map(plainNumber).filter((count) => count !== undefined);
      if (counts.length > 0) fields.engagement = counts.reduce((sum, count) => sum + count, 0);
    }
    return fields;
  },
};
