import * as z from "zod";
import { booleanField, dateField, idField, keyedRecord, optional, textField } from "./fields.js";

/**
 * A customer record (CRM export). Only `customerId` is required; a customer who appears only in purchases,
 * surveys or social activity is still a customer.
 *
 * `handles` maps a platform (`twitter`, `reddit`, …) to the customer's public handle there; in CSV write it as
 * one column per platform: `handles.twitter`, `handles.reddit`.
 */
export const customerSchema = z.object({
  customerId: idField,
  name: textField,
  email: optional(z.string().email({ error: "expected an e-mail address" })),
  /** The customer objected to profiling or marketing: never profiled, never ranked. */
  optedOut: optional(booleanField),
  /** The customer agreed to be contacted for advocacy; required when `requireConsent` is on. */
  consent: optional(booleanField),
  /** Platform names are lower-cased, as social records' are, so a `Twitter` handle matches activity on `twitter`. */
  handles: optional(keyedRecord(z.string().trim().min(1, { error: "expected a handle" })).transform(lowerCaseKeys)),
  /** When the brand last asked this customer to speak up; drives the contact cool-down. */
  lastInvitedAt: optional(dateField),
});

/** The same handles with platform names in lower case (the first spelling of a platform wins). */
function lowerCaseKeys(handles: Record<string, string>): Record<string, string> {
  const lowered: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [platform, handle] of Object.entries(handles)) {
    const key = platform.trim().toLowerCase();
    if (!Object.hasOwn(lowered, key)) lowered[key] = handle;
  }
  return lowered;
}

/** A validated customer record. */
export type Customer = z.infer<typeof customerSchema>;
/** A customer record as callers may write it (strings from CSV are accepted). */
export type CustomerInput = z.input<typeof customerSchema>;
