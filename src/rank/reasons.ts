import type { CustomerScore } from "../model/score.js";
import { dayToIso } from "../profile/day.js";

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function money(amount: number): string {
  return amount.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

function loyaltyReason({ loyalty }: CustomerScore): string {
  const evidence = loyalty.evidence;
  if (evidence.daysSinceLastPurchase === undefined || evidence.tenureDays === undefined) {
    return evidence.returned > 0 ? `no kept purchase (${plural(evidence.returned, "return")})` : "no purchase on record";
  }
  const years = evidence.tenureDays / 365.25;
  const span = years >= 1 ? `${years.toFixed(1)} years` : plural(evidence.tenureDays, "day");
  const history = `bought on ${plural(evidence.purchaseDays, "day")} over ${span}, last ${plural(evidence.daysSinceLastPurchase, "day")} ago (${money(evidence.spend)} spent)`;
  if (evidence.probabilityAlive === undefined || evidence.expectedPurchases === undefined || evidence.horizonWeeks === undefined) return history;
  return `${history}; P(alive) ${evidence.probabilityAlive.toFixed(2)}, expected to buy ${evidence.expectedPurchases.toFixed(1)} times in the next ${evidence.horizonWeeks} weeks`;
}

function commitmentReason({ commitment }: CustomerScore): string {
  const evidence = commitment.evidence;
  if (evidence.responses === 0) return "no survey answers";
  const nps =
    evidence.latestNps === undefined || evidence.latestNpsDay === undefined
      ? "no NPS answer"
      : `latest NPS ${evidence.latestNps}/10 (${evidence.latestNpsCategory}) on ${dayToIso(evidence.latestNpsDay)}`;
  return `${nps}; ${plural(evidence.responses, "survey response")}`;
}

function voiceReason({ voice }: CustomerScore): string {
  const evidence = voice.evidence;
  if (evidence.publicActivities === 0) {
    return evidence.privateActivities > 0 ? `only private activity (${evidence.privateActivities})` : "no public social activity";
  }
  const parts = [
    `${plural(evidence.brandMentions, "public post")} about the brand (${evidence.positiveMentions} positive, ${evidence.negativeMentions} negative) on ${evidence.platforms.join(", ")}`,
  ];
  if (evidence.defences > 0) parts.push(`answered criticism of the brand ${plural(evidence.defences, "time")}`);
  if (evidence.maxReach > 0) parts.push(`reach ${evidence.maxReach.toLocaleString("en-US")}`);
  return parts.join("; ");
}

/**
 * Plain-word reasons for a customer's scores, one per dimension, from the evidence only.
 *
 * @example
 * reasonsFor(score(profile, model));
 * //=> ["bought on 14 days over 3.1 years, last 12 days ago (1,240.50 spent)",
 * //    "latest NPS 10/10 (promoter) on 2026-05-01; 2 survey responses",
 * //    "9 public posts about the brand (7 positive, 1 negative) on reddit, twitter; answered criticism of the brand 2 times; reach 4,300"]
 */
export function reasonsFor(customer: CustomerScore): string[] {
  return [loyaltyReason(customer), commitmentReason(customer), voiceReason(customer)];
}
