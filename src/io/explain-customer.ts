import type { CustomerScore } from "../model/score.js";
import { dayToIso } from "../profile/day.js";
import { reasonsFor } from "../rank/reasons.js";
import { segmentOf } from "../rank/segment.js";
import { statedVsRevealed } from "../rank/stated-vs-revealed.js";
import { terminalText } from "./control-characters.js";

function line(label: string, value: number, confidence: number): string {
  return `${label.padEnd(11)} ${value.toFixed(3)}  (confidence ${confidence.toFixed(2)})`;
}

/**
 * One customer's scores and evidence in plain text, for `brand-advocates explain <customerId>`: the advocate score,
 * each dimension with its confidence and reasons, the segment, the stated-vs-revealed check, and the evidence.
 * Safe to print: every value from the data is shown with its control characters escaped (`\x1b`), so an ID, a
 * product or a scale name cannot recolour the terminal or forge a line.
 *
 * @example
 * console.log(explainCustomer(score(profile, model)));
 */
export function explainCustomer(customer: CustomerScore): string {
  const checked = statedVsRevealed(customer);
  const [loyaltyReason, commitmentReason, voiceReason] = reasonsFor(customer).map(terminalText);
  const { loyalty, commitment, voice } = customer;
  const lines = [
    `Customer ${terminalText(customer.customerId)}`,
    line("advocate", customer.advocate, customer.confidence),
    `segment     ${segmentOf(customer)}; ${checked.quadrant}${checked.claimedPromoter ? "; claimed promoter" : ""}${checked.silentCommitted ? "; silent committed" : ""}`,
    "",
    line("loyalty", loyalty.score, loyalty.confidence),
    `  ${loyaltyReason}`,
    line("commitment", commitment.score, commitment.confidence),
    `  ${commitmentReason}`,
  ];
  if (commitment.evidence.praise.length > 0 || commitment.evidence.complaints.length > 0) {
    lines.push(`  praises ${terminalText(commitment.evidence.praise.join(", ")) || "nothing"}; complains about ${terminalText(commitment.evidence.complaints.join(", ")) || "nothing"}`);
  }
  for (const scale of commitment.evidence.scales) lines.push(`  scale "${terminalText(scale.name)}" (${scale.construct}): ${scale.score.toFixed(2)}`);
  lines.push(line("voice", voice.score, voice.confidence), `  ${voiceReason}`);
  lines.push(`  propensity to speak about the brand ${voice.evidence.propensity.toFixed(2)}, favourable share ${voice.evidence.tone.toFixed(2)}`);
  if (voice.evidence.suspiciousAudience !== undefined) lines.push(`  audience looks bought (${terminalText(String(voice.evidence.suspiciousAudience))}): reach ignored`);
  if (voice.evidence.lastPublicDay !== undefined) lines.push(`  last public post ${dayToIso(voice.evidence.lastPublicDay)}`);
  lines.push(
    `exposure    ${customer.exposure.score.toFixed(3)} (${customer.exposure.presence.map(([platform, presence]) => `${terminalText(platform)} ${presence.toFixed(2)}`).join(", ") || "not present on any platform"})`,
  );
  return lines.join("\n");
}
