import type { CustomerScore } from "../model/score.js";
import { HIGH, LAPSED } from "./thresholds.js";

/**
 * Dick & Basu's (1994) loyalty quadrants: relative attitude (commitment) × repeat patronage (behavioural loyalty).
 * True loyalty has both; latent loyalty is attitude without patronage (a fan who does not buy, often for reasons
 * outside their control); spurious loyalty is patronage without attitude (habit, price, lock-in); no loyalty has
 * neither.
 */
export type LoyaltyQuadrant = "true-loyalty" | "latent-loyalty" | "spurious-loyalty" | "no-loyalty";

/** What a customer says (surveys) checked against what they do (buying, posting). */
export interface StatedVsRevealed {
  readonly quadrant: LoyaltyQuadrant;
  /** Latest NPS answer 9–10, yet not buying (loyalty lapsed) or saying more negative than positive in public. */
  readonly claimedPromoter: boolean;
  /** Committed by their answers, yet never heard about the brand in public: ask for a review, not a defence. */
  readonly silentCommitted: boolean;
}

/**
 * Checks stated attitude against revealed behaviour. NPS intentions overstate behaviour (Kumar et al. 2007: 81 % of
 * a telecom's customers said they would recommend it, 30 % did), so a promoter answer is only evidence, and the
 * flags show where words and deeds part. Commitment uses the shrunk estimate (the best guess), loyalty its score.
 *
 * @example
 * statedVsRevealed(score(profile, model)); //=> { quadrant: "true-loyalty", claimedPromoter: false, silentCommitted: true }
 */
export function statedVsRevealed(customer: CustomerScore): StatedVsRevealed {
  const attitude = (customer.commitment.evidence.shrunkScore ?? 0) >= HIGH;
  const patronage = customer.loyalty.score >= HIGH;
  const quadrant: LoyaltyQuadrant = attitude ? (patronage ? "true-loyalty" : "latent-loyalty") : patronage ? "spurious-loyalty" : "no-loyalty";
  const voice = customer.voice.evidence;
  const saysWorseInPublic = voice.negativeMentions > voice.positiveMentions + voice.defences;
  return {
    quadrant,
    claimedPromoter: customer.commitment.evidence.latestNpsCategory === "promoter" && (customer.loyalty.score < LAPSED || saysWorseInPublic),
    silentCommitted: attitude && voice.brandMentions === 0,
  };
}
