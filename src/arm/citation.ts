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
