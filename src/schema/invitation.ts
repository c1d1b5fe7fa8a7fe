import * as z from "zod";
import { dateFieldFor, idField, numberFieldFor, optional, textField, type ValueRules } from "./fields.js";
import { platformName } from "./values/vocabulary-words.js";

/**
 * The invitation schema for a source read by `rules`.
 *
 * @example
 * invitationSchemaFor({}).parse({ kitId: "k1", customerId: "C1", threadId: "twitter:100", platform: "X", invitedAt: "2026-06-30T10:00:00Z" }).platform; //=> "twitter"
 */
export function invitationSchemaFor(rules: ValueRules) {
  const share = optional(numberFieldFor(rules).pipe(z.number().min(0, { error: "expected 0..1" }).max(1, { error: "expected 0..1" })));
  return z.object({
    /** The kit sent (unique per invitation). */
    kitId: idField,
    customerId: idField,
    /** The criticism thread the advocate was invited to (`platform:postId`, as triage names it). */
    threadId: idField,
    platform: z.preprocess((value) => (typeof value === "string" ? platformName(value) : value), z.string().min(1, { error: "expected a platform name" })),
    /** The advocate's handle there, when known (their posts are matched by it). */
    handle: textField,
    invitedAt: dateFieldFor(rules),
    /** What they were offered, as the disclosure states it ("none" when nothing). */
    incentive: textField,
    /** What the advocate's scores were when invited: what a response model learns from. */
    segment: textField,
    score: share,
    loyalty: share,
    commitment: share,
    voice: share,
    exposure: share,
  });
}

/**
 * One invitation to an advocate to answer a criticism: written by the arm step (`invitationsOf`), read back to see
 * who responded (`trackOutcomes`) and to learn who will.
 */
export const invitationSchema = invitationSchemaFor({});

/** A validated invitation. */
export type Invitation = z.infer<typeof invitationSchema>;
/** An invitation as callers write it. */
export type InvitationInput = z.input<typeof invitationSchema>;
