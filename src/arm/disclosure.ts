/** Incentives that depend on what the advocate says are banned (16 CFR 465: no sentiment-conditioned rewards). */
const SENTIMENT_CONDITIONED = /(positive|favou?rable|5[- ]?star|five[- ]?star|good review|glowing|if you (like|love))/i;

/**
 * The disclosure line every advocate must include in their post: the brand asked them, and any incentive.
 * A material connection must be disclosed clearly and conspicuously in each post (FTC 16 CFR 255.5).
 *
 * @throws {RangeError} if the incentive is conditioned on sentiment ("for a positive review").
 * @example
 * disclosureLine("Northwind Coffee"); //=> "Disclosure: Northwind Coffee asked me to share my experience."
 * disclosureLine("Northwind Coffee", "a £10 voucher");
 * //=> "Disclosure: Northwind Coffee asked me to share my experience and gave me a £10 voucher."
 */
export function disclosureLine(brand: string, incentive?: string): string {
  if (incentive !== undefined && SENTIMENT_CONDITIONED.test(incentive)) {
    throw new RangeError(`disclosureLine: an incentive may not depend on what the advocate says ("${incentive}")`);
  }
  return incentive === undefined
    ? `Disclosure: ${brand} asked me to share my experience.`
    : `Disclosure: ${brand} asked me to share my experience and gave me ${incentive}.`;
}

/** The reminder that goes with every kit: honest, own experience, disclosed, no copy-paste, no pile-on. */
export const ADVOCACY_GUIDELINES: readonly string[] = [
  "Speak only from your own experience; say nothing you have not lived yourself.",
  "Put the disclosure line in the post itself, clearly visible (not hidden among hashtags or behind 'more').",
  "These are angles, not a script: write in your own words; identical posts look coordinated and break platform rules.",
  "Be courteous to the critic: acknowledge their problem; do not argue or pile on.",
  "You are free to say nothing, or to say something critical: nothing you receive depends on what you write.",
];
