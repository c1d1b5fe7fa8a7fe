import type { AdvocateKit } from "../arm/arm-advocates.js";
import type { Advocate } from "../arm/advocate.js";
import type { InvitationInput } from "../schema/invitation.js";
import { stableHash } from "../stats/stable-hash.js";

/**
 * The invitations a set of kits makes: one per kit, with the advocate's scores at the time (what a response model
 * learns from) and a kit id stable across runs (a hash of thread, customer and time). Write them out (CSV, JSON)
 * when the kits are sent, and read them back to track outcomes.
 *
 * @example
 * const rows = invitationsOf(triage.threads[0]!.advocates, { threadId: triage.threads[0]!.id, invitedAt: new Date(), advocates: result.advocates });
 */
export function invitationsOf(
  kits: readonly AdvocateKit[],
  context: { readonly threadId: string; readonly invitedAt: Date; readonly advocates?: readonly Advocate[] | undefined; readonly incentive?: string | undefined },
): InvitationInput[] {
  const byId = new Map((context.advocates ?? []).map((advocate) => [advocate.customerId, advocate] as const));
  return kits.map((kit) => {
    const advocate = byId.get(kit.customerId);
    const at = context.invitedAt.toISOString();
    return {
      kitId: `kit-${stableHash(`${context.threadId}\u0000${kit.customerId}\u0000${at}`).toString(36)}`,
      customerId: kit.customerId,
      threadId: context.threadId,
      platform: kit.platform,
      // Bare (no "@"): written to CSV, a cell starting with "@" would be neutralised against formula injection.
      handle: kit.handle?.trim().replace(/^@/, ""),
      invitedAt: at,
      incentive: context.incentive ?? "none",
      segment: advocate?.segment,
      score: kit.score,
      loyalty: advocate?.loyalty,
      commitment: advocate?.commitment,
      voice: advocate?.voice,
      exposure: advocate?.exposure.score,
    };
  });
}
