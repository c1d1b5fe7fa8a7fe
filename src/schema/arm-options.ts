import * as z from "zod";
import type { BrandFactInput } from "./fact.js";
import { incentiveSchema } from "./incentive.js";
import { topicsSchema } from "./topics.js";
import type { ResponseModel } from "./response-model.js";

const count = (what: string) => z.number({ error: `expected a whole number ≥ 0 (${what})` }).int({ error: `expected a whole number ≥ 0 (${what})` }).min(0, { error: `expected a whole number ≥ 0 (${what})` });

/**
 * Options of `armAdvocates`. Strict, like every options object: an unknown key (`incentives`, `maxPerthread`) is an
 * error naming the closest known one, never dropped — a dropped incentive would leave it out of the disclosure.
 */
export const armOptionsSchema = z.strictObject({
  /** Brand facts that talking points may cite; no other claim about the brand is ever made (each row is validated as a fact). */
  facts: z
    .custom<ReadonlyArray<BrandFactInput | Record<string, unknown>>>((value) => Array.isArray(value), { error: "expected an array of brand facts" })
    .optional(),
  /** The brand's name, as the disclosure line names it. */
  brand: z.string({ error: "expected the brand's name (the disclosure line names it)" }).trim().min(1, { error: "expected the brand's name (the disclosure line names it)" }),
  /** At most this many advocates per thread (default 3): several voices help, a pile-on does not. */
  maxPerThread: count("advocates per thread").default(3),
  /** What the advocate receives, if anything: disclosed in every post, never conditioned on what they say. */
  incentive: incentiveSchema.optional(),
  /** Topic → keywords for matching the criticism (default: the library's topics). */
  topics: topicsSchema.optional(),
  /** At most this many alerts to strong advocates who are not on the criticism's platform (default 5). */
  maxAlerts: count("alerts").default(5),
  /**
   * Who is likely to respond when invited (`fitResponseModel`, from past invitations' outcomes): among advocates
   * equally able to speak to the criticism, the likelier responders come first (P(responds) × score).
   */
  responseModel: z.custom<ResponseModel>((value) => typeof value === "object" && value !== null && "method" in value && "weights" in value, { error: "expected a response model (fitResponseModel)" }).optional(),
});

/** Options of `armAdvocates`, as callers write them. */
export type ArmOptions = z.input<typeof armOptionsSchema>;
/** Options of `armAdvocates` with the defaults applied. */
export type ResolvedArmOptions = z.output<typeof armOptionsSchema>;
