import * as z from "zod";

/**
 * Topic → keywords, for themes in comments and for matching criticism to what advocates know first-hand
 * (`{ shipping: ["delivery", "late"] }`). Shared by the ranking options and `armAdvocates`.
 */
export const topicsSchema = z.record(
  z.string().trim().min(1, { error: "expected a topic name" }),
  z.array(z.string().min(1, { error: "expected a keyword" })).min(1, { error: "expected at least one keyword" }).readonly(),
);
