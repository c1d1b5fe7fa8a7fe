import * as z from "zod";
import type { Advocate } from "../arm/advocate.js";
import type { CustomerProfile } from "../profile/customer-profile.js";
import { armOptionsSchema } from "./arm-options.js";
import { dateField } from "./fields.js";
import { brandIdentitySchema } from "./options.js";
import { topicsSchema } from "./topics.js";

const unit = z.number().min(0).max(1);

/**
 * Options of `triageCriticism`. Strict, like every options object.
 *
 * - `now`: the moment ages and deadlines are measured from (default: the latest mention's time, so results never
 *   depend on the wall clock);
 * - `slaMinutes`: the response-time target for the brand's first answer (default 60);
 * - `brand`: the brand's names and handles (which mentions are about it, which are its own);
 * - `profiles`: the customers' profiles (`prepared.profiles`), to tell a customer's complaint and weigh it by the
 *   customer's value from the loyalty model; `advocates`: the ranked advocates to invite (`result.advocates`);
 * - `arm`: how they are armed (`armAdvocates` options: the brand's display name, facts, incentive, per-thread cap);
 * - `topicSeverity`: how much each topic weighs in severity (0..1), over the defaults.
 */
export const triageOptionsSchema = z.strictObject({
  now: dateField.optional(),
  slaMinutes: z.number().positive().finite().default(60),
  brand: brandIdentitySchema,
  mode: z.enum(["strict", "lenient"]).default("strict"),
  topics: topicsSchema.optional(),
  topicSeverity: z.record(z.string().min(1), unit).optional(),
  profiles: z.custom<ReadonlyMap<string, CustomerProfile>>((value) => value instanceof Map || (typeof value === "object" && value !== null && typeof (value as Map<string, unknown>).get === "function"), { error: "expected a map of customer profiles (prepared.profiles)" }).optional(),
  advocates: z.custom<readonly Advocate[]>((value) => Array.isArray(value), { error: "expected the ranked advocates (result.advocates)" }).optional(),
  arm: armOptionsSchema.optional(),
  /** At most this many threads returned (the most urgent); default all. */
  maxThreads: z.number().int().positive().optional(),
  sourceName: z.string().default("mentions"),
});

/** Options of `triageCriticism`, as callers write them. */
export type TriageOptions = z.input<typeof triageOptionsSchema>;
