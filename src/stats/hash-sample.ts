import { stableHash } from "./stable-hash.js";

/** Customers a population parameter is fitted on, at most: its sampling error is already far below the model's. */
export const FIT_SAMPLE_SIZE = 100_000;
/** The dimensions' sample hash seed (BG/NBD buyers, voice-model examples): independent of the holdout split's. */
const SAMPLE_SEED = 0x9e3779b9;
/**
 * The hash seed of the sample a whole model is fitted on (past 250,000 customers), independent of the dimensions'
 * own samples within it: a dimension sampling a tenth of the model's sample with the same hash would keep all of it.
 */
export const POPULATION_SAMPLE_SEED = 0x85ebca77;

/**
 * Whether a customer is in a deterministic sample of about `size` out of `population`, chosen by a stable hash of
 * the ID alone: the same customers on every run and in any order, so a model fitted on a million customers is
 * fitted on the same hundred thousand each time. Everyone is in when the population is no larger than `size`. The
 * hash is independent of the holdout split's, so a sample is split into training and holdout as everyone would be;
 * a sample drawn within another sample needs its own `seed` (see {@link POPULATION_SAMPLE_SEED}).
 *
 * @example
 * inHashSample("C0001", 1_000_000, 100_000); //=> true for about one customer in ten, always the same ones
 */
export function inHashSample(customerId: string, population: number, size: number = FIT_SAMPLE_SIZE, seed: number = SAMPLE_SEED): boolean {
  if (population <= size) return true;
  return stableHash(customerId, seed) < (size / population) * 4_294_967_296;
}
