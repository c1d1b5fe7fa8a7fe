import { describe, expect, it } from "vitest";
import { armAdvocates, disclosureLine, identifyAdvocates, incentiveTextProblem, INCENTIVE_RULES, kitMarkdown } from "../../src/index.js";
import { archetypeData } from "../fixtures/archetypes.js";

/** Rewards tied to what the advocate says: the four bypasses first, then more of each kind. */
const CONDITIONED = [
  "£10 for every nice post",
  "a voucher if you recommend us",
  "£20 for a 4-star or better review",
  "a free bag if you say something good about us",
  "£10 for a positive reply",
  "a discount for 5 stars",
  "a voucher for a 10/10",
  "a mug when you rate us",
  "£5 per glowing review",
  "free coffee for a favourable mention",
  "free shipping for great feedback",
  "a bag for saying nice things",
  "£10 for a review that is honest and kind",
  "a voucher for speaking well of us",
  "£10 to talk us up",
  "a gift card for defending us",
  "a tote bag for taking our side",
  "a free month in exchange for a testimonial",
  "£15 as long as the post is kind",
  "a voucher for any rating of four or higher",
] as const;

/** Rewards that say only what the advocate receives (some with words the rules must not trip on). */
const UNCONDITIONED = [
  "a £10 voucher",
  "a free bag of coffee",
  "early access to the new blend",
  "a £10 voucher for posting",
  "a good-morning mug",
  "a kind of tote bag",
  "10% off your next order",
  "a voucher worth £10, whatever you say",
  "a free bag, whether or not you post",
  "a promo code for 15% off",
  "a free bag of our Great Taste award blend",
] as const;

const advocates = identifyAdvocates(archetypeData()).advocates;
const criticism = { platform: "twitter", text: "Shipping is so slow" };

describe("incentives: the rule is structural", () => {
  it("states the incentive and its condition in the disclosure line", () => {
    expect(disclosureLine("Northwind Coffee", { what: "a £10 voucher", condition: "none" })).toBe(
      "Disclosure: Northwind Coffee asked me to share my experience and gave me a £10 voucher.",
    );
    expect(disclosureLine("Northwind Coffee", { what: "a £10 voucher", condition: "for-posting" })).toBe(
      "Disclosure: Northwind Coffee asked me to share my experience and gave me a £10 voucher for posting, whatever I say.",
    );
    const armed = armAdvocates(advocates, criticism, { brand: "Northwind Coffee", incentive: { what: "a free bag", condition: "for-posting" } });
    expect(armed.kits.length).toBeGreaterThan(0);
    for (const kit of armed.kits) {
      expect(kit.disclosure).toBe("Disclosure: Northwind Coffee asked me to share my experience and gave me a free bag for posting, whatever I say.");
      expect(kitMarkdown(kit, armed)).toContain("gave me a free bag for posting, whatever I say.");
    }
  });

  it("cannot represent a condition on tone, rating or recommending", () => {
    for (const condition of ["for-a-positive-review", "for-5-stars", "if-recommended", "positive", ""]) {
      expect(() => disclosureLine("N", { what: "a voucher", condition } as never)).toThrow(/option incentive\.condition: expected condition "none" .* or "for-posting"/);
    }
    expect(() => disclosureLine("N", { what: "a voucher" } as never)).toThrow(/option incentive\.condition/);
    expect(() => disclosureLine("N", { what: "a voucher", condition: "none", onlyIf: "positive" } as never)).toThrow(/unknown option incentive\.onlyIf/);
    expect(() => disclosureLine("N", { what: "", condition: "none" })).toThrow(/option incentive\.what: expected what the advocate receives/);
    expect(() => disclosureLine("N", 10 as never)).toThrow(/expected what the advocate receives: text, or \{ what, condition/);
    expect(() => disclosureLine("")).toThrow(/option brand: expected the brand's name/);
  });

  it.each(CONDITIONED)("refuses free text that ties the reward to what is said: %s", (text) => {
    expect(incentiveTextProblem(text)).toBeDefined();
    expect(() => disclosureLine("N", text)).toThrow(RangeError);
    // The same words in the structured form's `what` are refused too: a condition cannot hide there.
    expect(() => disclosureLine("N", { what: text, condition: "for-posting" })).toThrow(/may not depend on what the advocate says/);
    expect(() => armAdvocates(advocates, criticism, { brand: "N", incentive: text })).toThrow(/^Invalid armAdvocates options:\n {2}- option incentive\.what: .* ties the reward to /);
  });

  it.each(UNCONDITIONED)("accepts free text that says only what the advocate receives: %s", (text) => {
    expect(incentiveTextProblem(text)).toBeUndefined();
    expect(disclosureLine("Northwind", text)).toBe(`Disclosure: Northwind asked me to share my experience and gave me ${text}.`);
  });

  it("says which rule was broken and by which words", () => {
    expect(incentiveTextProblem("£20 for a 4-star or better review")).toEqual({ rule: "a rating", words: "4-star" });
    expect(incentiveTextProblem("a voucher if you recommend us")).toEqual({ rule: "a condition", words: "if" });
    expect(incentiveTextProblem("£10 for a positive reply")).toEqual({ rule: "tone", words: "positive" });
    expect(incentiveTextProblem("a gift card for defending us")).toEqual({ rule: "recommending or taking sides", words: "defending" });
    expect(INCENTIVE_RULES.map((rule) => rule.rule)).toEqual(["a condition", "a rating", "tone", "recommending or taking sides"]);
  });

  it("never drops a mistyped incentive: `incentives` is an error, not an empty disclosure", () => {
    expect(() => armAdvocates(advocates, criticism, { brand: "N", incentives: "a £10 voucher" } as never)).toThrow(/unknown option incentives \(did you mean incentive\?\)/);
  });
});
