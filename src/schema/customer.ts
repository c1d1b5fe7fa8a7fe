import * as z from "zod";
import { booleanField, dateFieldFor, idField, keyedRecord, optional, textField, type ValueRules } from "./fields.js";
import { quoteValue } from "./values/quote-value.js";
import { platformName } from "./values/vocabulary-words.js";

/** The handles map with platform names as the library keeps them (lower case, aliases resolved; the first spelling wins). */
function platformKeys(handles: Record<string, string>): Record<string, string> {
  const named: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [platform, handle] of Object.entries(handles)) {
    const key = platformName(platform);
    if (!Object.hasOwn(named, key)) named[key] = handle;
  }
  return named;
}

/** An e-mail address, trimmed: a join key between sources, so it must look like one. */
export const emailField = z.preprocess(
  (value) => (typeof value === "string" ? value.trim() : value),
  z.string().email({ error: (issue) => `expected an e-mail address, got ${quoteValue(issue.input)}` }),
) as unknown as z.ZodType<string, string>;

/**
 * The customer schema for a source read by `rules` (see {@link ValueRules}).
 *
 * @example
 * customerSchemaFor({ dateFormat: "dd/MM/yyyy" }).parse({ customerId: "c1", lastInvitedAt: "31/01/2026" }).lastInvitedAt; //=> 2026-01-31T00:00:00.000Z
 */
export function customerSchemaFor(rules: ValueRules) {
  return z.object({
    customerId: idField,
    name: textField,
    email: optional(emailField),
    /** The customer objected to profiling or marketing: never profiled, never ranked. */
    optedOut: optional(booleanField),
    /** The customer agreed to be contacted for advocacy; required when `requireConsent` is on. */
    consent: optional(booleanField),
    /** When the consent (or opt-out) on this row was given: where rows disagree, the latest decides consent. */
    consentAt: optional(dateFieldFor(rules)),
    /** Platform names are lower-cased and aliases resolved (`X` → `twitter`), as social records' are. */
    handles: optional(keyedRecord(z.string().trim().min(1, { error: "expected a handle" })).transform(platformKeys)),
    /** When the brand last asked this customer to speak up; drives the contact cool-down. */
    lastInvitedAt: optional(dateFieldFor(rules)),
  });
}

/**
 * A customer record (CRM export). Only `customerId` is required; a customer who appears only in purchases,
 * surveys or social activity is still a customer.
 *
 * `handles` maps a platform (`twitter`, `reddit`, …) to the customer's public handle there; in CSV write it as
 * one column per platform: `handles.twitter`, `handles.reddit`. Social records that name an `author` instead of a
 * customer ID are joined to customers through these handles (and `email`).
 */
export const customerSchema = customerSchemaFor({});

/** A validated customer record. */
export type Customer = z.infer<typeof customerSchema>;
/** A customer record as callers may write it (strings from CSV are accepted). */
export type CustomerInput = z.input<typeof customerSchema>;
