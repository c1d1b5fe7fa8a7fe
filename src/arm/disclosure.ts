import { incentiveSchema, type Incentive, type IncentiveInput } from "../schema/incentive.js";
import { parseOptions } from "../schema/parse-options.js";
import * as z from "zod";

const disclosureSchema = z.strictObject({
  brand: z.string({ error: "expected the brand's name" }).trim().min(1, { error: "expected the brand's name" }),
  incentive: incentiveSchema.optional(),
});

/**
 * The disclosure line every advocate must include in their post: the brand asked them, and any incentive with what it
 * depends on. A material connection must be disclosed clearly and conspicuously in each post (FTC 16 CFR 255.5).
 * The incentive is `{ what, condition }` — `"none"` (received whether or not they post) or `"for-posting"` (for
 * posting at all, whatever it says) — or text, read as `condition: "none"` once it passes the free-text check
 * (`INCENTIVE_RULES`: no conditions, tone, rating or recommending). A reward for a particular sentiment cannot be
 * expressed, and text that describes one is refused.
 *
 * @throws {RangeError} on an empty brand, or an incentive tied to what the advocate says ("£10 for a positive review").
 * @example
 * disclosureLine("Northwind Coffee"); //=> "Disclosure: Northwind Coffee asked me to share my experience."
 * disclosureLine("Northwind Coffee", "a £10 voucher");
 * //=> "Disclosure: Northwind Coffee asked me to share my experience and gave me a £10 voucher."
 * disclosureLine("Northwind Coffee", { what: "a £10 voucher", condition: "for-posting" });
 * //=> "Disclosure: Northwind Coffee asked me to share my experience and gave me a £10 voucher for posting, whatever I say."
 */
export function disclosureLine(brand: string, incentive?: IncentiveInput | Incentive): string {
  const checked = parseOptions(disclosureSchema, { brand, incentive }, "disclosureLine");
  const asked = `Disclosure: ${checked.brand} asked me to share my experience`;
  if (checked.incentive === undefined) return `${asked}.`;
  const { what, condition } = checked.incentive;
  return condition === "for-posting" ? `${asked} and gave me ${what} for posting, whatever I say.` : `${asked} and gave me ${what}.`;
}

/** The reminder that goes with every kit: honest, own experience, disclosed, no copy-paste, no pile-on. */
export const ADVOCACY_GUIDELINES: readonly string[] = [
  "Speak only from your own experience; say nothing you have not lived yourself.",
  "Put the disclosure line in the post itself, clearly visible (not hidden among hashtags or behind 'more').",
  "These are angles, not a script: write in your own words; identical posts look coordinated and break platform rules.",
  "Be courteous to the critic: acknowledge their problem; do not argue or pile on.",
  "You are free to say nothing, or to say something critical: nothing you receive depends on what you write.",
];
