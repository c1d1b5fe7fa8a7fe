import * as z from "zod";
import { emailField } from "./customer.js";
import { booleanField, dateFieldFor, idField, MAX_COUNT, numberFieldFor, optional, textField, type ValueRules } from "./fields.js";
import { quoteValue } from "./values/quote-value.js";
import { platformName, SENTIMENT_LABELS, SOCIAL_TYPE_WORDS } from "./values/vocabulary-words.js";
import { socialTypes } from "./vocabulary.js";

export { socialTypes, type SocialType } from "./vocabulary.js";

const TYPE_WORDS = [...new Set([...socialTypes, "tweet", "retweet", "repost", "quote"])].join(", ");

/**
 * The social schema for a source read by `rules` (date format, decimal separator).
 *
 * @example
 * socialSchemaFor({}).parse({ author: "@ann", platform: "X", date: "2026-03-04", type: "Tweet", sentiment: "Positive" });
 * //=> { author: "@ann", platform: "twitter", type: "post", sentiment: 0.6, public: true, … }
 */
export function socialSchemaFor(rules: ValueRules) {
  const number = numberFieldFor(rules);
  const count = (what: string) =>
    optional(
      number.pipe(
        z
          .number()
          .min(0, { error: (issue) => `expected ${what} ≥ 0, got ${quoteValue(issue.input)}` })
          .max(MAX_COUNT, { error: (issue) => `expected ${what} ≤ 1e10, got ${quoteValue(issue.input)}` }),
      ),
    );
  return z.object({
    /** The CRM customer; may be left out when `author` (a public handle) or `authorEmail` names them. */
    customerId: optional(idField),
    /** The author's public handle on `platform` (`@` optional, any case): joined to customers' handles. */
    author: optional(z.string().trim().min(1, { error: "expected a handle" })),
    authorEmail: optional(emailField),
    date: dateFieldFor(rules),
    platform: z.preprocess(
      (value) => (typeof value === "string" ? platformName(value) : value),
      z.string({ error: "expected a platform name" }).min(1, { error: "expected a platform name" }),
    ),
    /** Without a type, a record that replies to another is a reply, anything else a post. */
    type: optional(
      z.preprocess(
        (value) => (typeof value === "string" ? (SOCIAL_TYPE_WORDS.get(value.trim().toLowerCase().replace(/\s+/g, " ")) ?? value) : value),
        z.enum(socialTypes, { error: (issue) => `expected one of ${TYPE_WORDS}, got ${quoteValue(issue.input)}` }),
      ),
    ),
    public: optional(booleanField).transform((value) => value ?? true),
    mentionsBrand: optional(booleanField),
    text: textField,
    /** −1..1, or a listening tool's label (`positive`, `Neutral`, `very negative`), used as given. */
    sentiment: optional(
      z.preprocess(
        (value) => (typeof value === "string" ? (SENTIMENT_LABELS.get(value.trim().toLowerCase()) ?? value) : value),
        number.pipe(
          z
            .number()
            .min(-1, { error: (issue) => `expected −1..1 or a label (positive, neutral, negative), got ${quoteValue(issue.input)}` })
            .max(1, { error: (issue) => `expected −1..1 or a label (positive, neutral, negative), got ${quoteValue(issue.input)}` }),
        ),
      ),
    ),
    /** Audience size (followers) at the time of the activity. */
    reach: count("a reach"),
    /** Likes, replies and shares the activity received. */
    engagement: count("engagement"),
    /** The activity answered someone else's criticism of the brand (left out: rebuilt from threads, see `inReplyTo`). */
    repliesToCriticism: optional(booleanField),
    /** The post's own id on its platform, and the id of the post it replies to: threads are rebuilt from them. */
    postId: optional(idField),
    inReplyTo: optional(idField),
    /** A review's star rating, 1–5. */
    rating: optional(
      number.pipe(
        z
          .number()
          .min(1, { error: (issue) => `expected a rating of 1–5 stars, got ${quoteValue(issue.input)}` })
          .max(5, { error: (issue) => `expected a rating of 1–5 stars, got ${quoteValue(issue.input)}` }),
      ),
    ),
    title: textField,
    url: textField,
    /** An objection to profiling recorded on this row: the customer is excluded, wherever the flag appears. */
    optedOut: optional(booleanField),
  });
}

/**
 * One piece of social activity (a post, reply, comment, review or share), by a known customer (`customerId`) or by
 * a public author (`platform` + `author` handle) joined to customers through their handles. `public` defaults to
 * true; private activity never counts as public voice. `sentiment` (−1..1) is read from `text` when absent.
 */
export const socialSchema = socialSchemaFor({});

/** A validated social activity record. */
export type SocialActivity = z.infer<typeof socialSchema>;
/** A social activity record as callers may write it. */
export type SocialActivityInput = z.input<typeof socialSchema>;
