import type { NpsCategory } from "./commitment-params.js";

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
