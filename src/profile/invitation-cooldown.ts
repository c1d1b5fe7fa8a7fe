import { invitationSchema, invitationSchemaFor } from "../schema/invitation.js";
import type { InputProblem } from "../schema/problem.js";
import { validateRecords } from "../schema/validate-records.js";
import type { ExclusionFactsCollector } from "./exclusion-policy.js";

/**
 * Feeds the invitations already sent (the file the arm step writes) into the exclusion facts, so a customer's last
 * invitation — and with it the contact cool-down — comes from the invitations themselves, without a
 * `lastInvitedAt` column kept by hand. Returns the problems of the invitation rows (strict mode throws them).
 *
 * @example
 * const problems = addInvitations(facts, invitationRows, "invitations.csv");
 */
export function addInvitations(facts: ExclusionFactsCollector, rows: Iterable<unknown>, source: string): InputProblem[] {
  const { records, problems } = validateRecords(invitationSchema, rows, source, 1, invitationSchemaFor);
  for (const { record } of records) facts.add({ customerId: record.customerId, lastInvitedAt: record.invitedAt });
  return problems;
}
