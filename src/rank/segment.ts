import type { CustomerScore } from "../model/score.js";
import { HIGH, LAPSED, VOCAL } from "./thresholds.js";

/** Named segments from loyalty × commitment × voice, in the words a marketing team uses. */
export const SEGMENTS = {
  "vocal-advocate": "Vocal advocate: loyal, committed and speaks up in public",
  "rising-fan": "Rising fan: committed and vocal, loyalty still building",
  "silent-loyalist": "Silent loyalist: loyal and committed, but not heard in public",
  "vocal-critic": "Vocal critic: speaks about the brand in public, mostly negatively",
  "claimed-promoter": "Claimed promoter: says they would recommend, but stopped buying",
  "spurious-loyal": "Spurious loyal: keeps buying without attachment (habit, price, lock-in)",
  "lapsed-fan": "Lapsed fan: committed, but no longer buying",
  casual: "Casual: no strong signal on any dimension",
} as const;

/** A segment name. */
export type Segment = keyof typeof SEGMENTS;

/**
 * Assigns a customer to one named segment. Checks run in order, so the warning segments (vocal critic, claimed
 * promoter) win over the rest: a loud detractor is never filed as a fan.
 *
 * @example
 * segmentOf(score(profile, model)); //=> "vocal-advocate"
 */
export function segmentOf(customer: CustomerScore): Segment {
  const loyalty = customer.loyalty.score;
  // Segments describe the best guess (the shrunk estimate); the cautious lower bound is for ranking and minimums.
  const commitment = customer.commitment.evidence.shrunkScore ?? customer.commitment.score;
  const voice = customer.voice.score;
  const { negativeMentions, positiveMentions, defences } = customer.voice.evidence;
  // A critic says negative things about the brand in public, repeatedly, more than anything favourable.
  if (negativeMentions >= 2 && negativeMentions > positiveMentions + defences) return "vocal-critic";
  if (customer.commitment.evidence.latestNpsCategory === "promoter" && loyalty < LAPSED) return "claimed-promoter";
  if (loyalty >= HIGH && commitment >= HIGH && voice >= VOCAL) return "vocal-advocate";
  if (loyalty >= LAPSED && commitment >= HIGH && voice >= VOCAL) return "rising-fan";
  if (loyalty >= HIGH && commitment >= HIGH) return "silent-loyalist";
  if (loyalty >= HIGH && commitment < HIGH) return "spurious-loyal";
  if (commitment >= HIGH && loyalty < LAPSED) return "lapsed-fan";
  return "casual";
}
