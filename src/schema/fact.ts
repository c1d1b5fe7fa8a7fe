import * as z from "zod";
import { idField, textField } from "./fields.js";

/** A brand fact that talking points may cite: a checked claim on a topic, with where it comes from. */
export const factSchema = z.object({
  id: idField,
  topic: z.string({ error: "expected a topic" }).trim().min(1, { error: "expected a topic" }).transform((topic) => topic.toLowerCase()),
  claim: z.string({ error: "expected the claim" }).trim().min(1, { error: "expected the claim" }),
  source: textField,
});

/** A validated brand fact. */
export type BrandFact = z.infer<typeof factSchema>;
/** A brand fact as callers may write it. */
export type BrandFactInput = z.input<typeof factSchema>;
