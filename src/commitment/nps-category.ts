/** Net Promoter categories: 9–10 promoter, 7–8 passive, 0–6 detractor. */
export type NpsCategory = "promoter" | "passive" | "detractor";

/**
 * The Net Promoter category of a 0–10 answer.
 *
 * @example
 * npsCategory(9); //=> "promoter"
 * npsCategory(7); //=> "passive"
 * npsCategory(3); //=> "detractor"
 */
export function npsCategory(nps: number): NpsCategory {
  return nps >= 9 ? "promoter" : nps >= 7 ? "passive" : "detractor";
}
