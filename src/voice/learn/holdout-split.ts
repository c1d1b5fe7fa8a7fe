import { stableHash } from "../../stats/stable-hash.js";

export { stableHash } from "../../stats/stable-hash.js";

/**
 * Whether a customer belongs to the holdout, decided by a stable hash of the ID alone: the same customer lands on
 * the same side whatever the order or the rest of the data, so a refit on new data does not reshuffle who is tested.
 *
 * @example
 * isHoldout("C0001", 0.3); //=> true or false, the same on every run
 */
export function isHoldout(customerId: string, holdoutShare: number): boolean {
  return stableHash(customerId) / 4_294_967_296 < holdoutShare;
}
