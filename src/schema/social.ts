import * as z from "zod";
import { booleanField, dateField, idField, MAX_COUNT, numberField, optional, textField } from "./fields.js";

import { socialTypes } from "./vocabulary.js";

export { socialTypes, type SocialType } from "./vocabulary.js";

/**
 * One piece of social activity by a customer (a post, reply, comment, review or share). `public` defaults to true;
 * private activity never counts as public voice. `sentiment` (−1..1) is computed from `text` when absent.
 */
export const socialSchema = z.object({
  customerId: idField,
  date: dateField,
  platform: z.preprocess(
    (value) => (typeof value === "string" ? value.trim().toLowerCase() : value),
    z.string({ error: "expected a platform name" }).min(1, { error: "expected a platform name" }),
  ),
  type: z.preprocess(
    (value) => (typeof value === "string" ? value.trim().toLowerCase() : value),
    z.enum(socialTypes, { error: `expected one of ${socialTypes.join(", ")}` }),
  ),
  public: optional(booleanField).transform((value) => value ?? true),
  mentionsBrand: optional(booleanField),
  text: textField,
  sentiment: optional(numberField.pipe(z.number().min(-1, { error: "expected −1..1" }).max(1, { error: "expected −1..1" }))),
  /** Audience size (followers) at the time of the activity. */
  reach: optional(numberField.pipe(z.number().min(0, { error: "expected a reach ≥ 0" }).max(MAX_COUNT, { error: "expected a reach ≤ 1e10" }))),
  /** Likes, replies and shares the activity received. */
  engagement: optional(numberField.pipe(z.number().min(0, { error: "expected engagement ≥ 0" }).max(MAX_COUNT, { error: "expected engagement ≤ 1e10" }))),
  /** The activity answered someone else's criticism of the brand. */
  repliesToCriticism: optional(booleanField),
});

/** A validated social activity record. */
export type SocialActivity = z.infer<typeof socialSchema>;
/** A social activity record as callers may write it. */
export type SocialActivityInput = z.input<typeof socialSchema>;
