import * as z from "zod";
import { dateField, optional, textField } from "./fields.js";

/** A public piece of criticism of the brand that advocates may be invited to answer. */
export const criticismSchema = z.object({
  platform: z.string({ error: "expected a platform name" }).trim().min(1, { error: "expected a platform name" }).transform((p) => p.toLowerCase()),
  text: z.string({ error: "expected the criticism's text" }).trim().min(1, { error: "expected the criticism's text" }),
  topic: optional(z.string().trim().min(1).transform((topic) => topic.toLowerCase())),
  url: optional(z.string().url({ error: "expected a URL" })),
  date: optional(dateField),
});

/** A validated criticism. */
export type Criticism = z.infer<typeof criticismSchema>;
/** A criticism as callers may write it. */
export type CriticismInput = z.input<typeof criticismSchema>;
