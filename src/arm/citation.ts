import type { RecordRef } from "../schema/problem.js";

/** Where a talking point comes from: one of the customer's own records, or a brand fact by id. */
export type Citation =
  | { readonly kind: "record"; readonly source: string; readonly row: number }
  | { readonly kind: "fact"; readonly id: string; readonly source?: string | undefined };

/** An angle an advocate may take, in words to adapt (never a script), with every source it rests on. */
export interface TalkingPoint {
  /** What kind of angle: the customer's history, their own words, their rating, or a brand fact. */
  readonly angle: "experience" | "own-words" | "rating" | "public-post" | "brand-fact";
  readonly text: string;
  /** Topics the point speaks to (shipping, price, support, …), for matching a criticism. */
  readonly topics: readonly string[];
  readonly cites: readonly Citation[];
  /**
   * For a quoted comment or post: how its tone was judged (given by the records, or read by the tone model with a
   * confidence). Only texts that read favourable with confidence are ever quoted.
   */
  readonly tone?: QuotedTone | undefined;
}

/** How the tone of a quoted text was judged. */
export interface QuotedTone {
  /** −1..1. */
  readonly score: number;
  /** 0..1: the tone model's confidence in its reading; 1 when the records gave the tone. */
  readonly confidence: number;
  readonly source: "given" | "read";
  /** In words: "tone read as positive by the tone model, confidence 0.88". */
  readonly note: string;
}

/**
 * A citation of one of the customer's own records.
 *
 * @example
 * citeRecord({ source: "purchases.csv", row: 7 }); //=> { kind: "record", source: "purchases.csv", row: 7 }
 */
export function citeRecord(ref: RecordRef): Citation {
  return { kind: "record", source: ref.source, row: ref.row };
}

/**
 * Formats a citation for people: `purchases.csv row 7` or `fact F-SHIP-1`.
 *
 * @example
 * formatCitation({ kind: "fact", id: "F-SHIP-1" }); //=> "fact F-SHIP-1"
 */
export function formatCitation(citation: Citation): string {
  return citation.kind === "fact" ? `fact ${citation.id}` : `${citation.source} row ${citation.row}`;
}
