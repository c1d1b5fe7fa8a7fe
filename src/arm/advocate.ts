import type { TalkingPoint } from "./citation.js";
import type { CommitmentEvidence } from "../commitment/commitment-params.js";
import type { LoyaltyEvidence } from "../loyalty/loyalty-params.js";
import type { Exposure } from "../voice/exposure.js";
import type { Knowledge } from "../voice/knowledge.js";
import type { VoiceEvidence } from "../voice/voice-params.js";
import type { Segment } from "../rank/segment.js";
import type { LoyaltyQuadrant } from "../rank/stated-vs-revealed.js";

/** A ranked advocate: scores rounded to 4 decimals for output, reasons in plain words, grounded talking points. */
export interface Advocate {
  readonly rank: number;
  readonly customerId: string;
  readonly name?: string | undefined;
  /** 0..1 advocate score (weighted geometric mean of the three dimensions). */
  readonly score: number;
  readonly loyalty: number;
  readonly commitment: number;
  readonly voice: number;
  readonly confidence: number;
  readonly segment: Segment;
  /** Dick & Basu quadrant and the stated-vs-revealed flags. */
  readonly loyaltyQuadrant: LoyaltyQuadrant;
  readonly flags: { readonly claimedPromoter: boolean; readonly silentCommitted: boolean };
  /** The k-means persona, when the `personas` option is set. */
  readonly persona?: string | undefined;
  readonly reasons: readonly string[];
  readonly talkingPoints: readonly TalkingPoint[];
  /** Platform → handle, sorted by platform. */
  readonly handles: ReadonlyArray<readonly [platform: string, handle: string]>;
  /** Platforms where the customer was seen speaking in public. */
  readonly platforms: readonly string[];
  /** How likely they are to come across criticism where it happens (0..1), and their presence per platform. */
  readonly exposure: Exposure;
  /** What they can vouch for first-hand: what they bought and praised, and the topics those speak to. */
  readonly knowledge: Knowledge;
  readonly evidence: { readonly loyalty: LoyaltyEvidence; readonly commitment: CommitmentEvidence; readonly voice: VoiceEvidence };
}
