import type { InvitationInput } from "../schema/invitation.js";
import { csvText, type CsvCell } from "./csv-writer.js";

/** The columns of an invitations file, in order (what `trackOutcomes` and the cool-down read back). */
export const INVITATION_CSV_COLUMNS = ["kitId", "customerId", "threadId", "platform", "handle", "invitedAt", "incentive", "segment", "score", "loyalty", "commitment", "voice", "exposure"] as const;

/**
 * Invitations as CSV, safe to open in a spreadsheet (see `csvText`).
 *
 * @example
 * invitationsCsv(invitationsOf(kits, { threadId: "twitter:100", invitedAt: new Date() }));
 */
export function invitationsCsv(invitations: readonly InvitationInput[]): string {
  return csvText(
    INVITATION_CSV_COLUMNS,
    invitations.map((invitation) =>
      INVITATION_CSV_COLUMNS.map((column): CsvCell => {
        const value: unknown = invitation[column];
        return value instanceof Date ? value.toISOString() : typeof value === "number" ? value : value === undefined ? "" : String(value);
      }),
    ),
  );
}
