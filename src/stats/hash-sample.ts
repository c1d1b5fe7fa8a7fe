import { stableHash } from "./stable-hash.js";

/** Customers a population parameter is fitted on, at most: its sampling error is already far below the model's. */
export const FIT_SAMPLE_SIZE = 100_000;

/**
 * Whether a customer is in a deterministic sample of about `size` out of `population`, chosen by a stable hash of
 * the ID alone: the same customers on every run and in any order, so a model fitted on a million customers is
 * fitted on the same hundred thousand each time. Everyone is in when the population is no larger than `size`.
 *
 * @example
 * inHashSample("C0001", 1_000_000, 100_000); //=> true for about one customer in ten, always the same ones
 */
export function inHashSample(customerId: string, population: number, size: number = FIT_SAMPLE_SIZE): boolean {
  if (population <= size) return true;
  return stableHash(customerId) < (size / population) * 4_294_967_296;
}
