import { describe, expect, it } from "vitest";
import { armAdvocates, disclosureLine, identifyAdvocates, kitMarkdown, ValidationError, type BrandFactInput } from "../src/index.js";
import { addPopulation, addTrueAdvocate, emptyData } from "./fixtures/archetypes.js";

const facts: BrandFactInput[] = [
  { id: "F-SHIP-1", topic: "shipping", claim: "Orders ship within 24 hours on weekdays.", source: "Fulfilment SLA 2026" },
  { id: "F-PRICE-1", topic: "price", claim: "Subscribers save 15% on every bag.", source: "Price list 2026" },
];

function fixture() {
  const data = emptyData();
  addPopulation(data, 100);
  for (const id of ["adv-1", "adv-2", "adv-3", "adv-4", "adv-5"]) addTrueAdvocate(data, id);
  data.customers.push({ customerId: "adv-5", handles: { reddit: "u/five" } });
  // adv-5 speaks on reddit only.
  for (const activity of data.social) if (activity.customerId === "adv-5") activity.platform = "reddit";
  return { data, ranked: identifyAdvocates(data) };
}

describe("armAdvocates", () => {
  const { data, ranked } = fixture();
  const criticism = { platform: "twitter", text: "Northwind shipping is a joke, my order arrived a week late" };
  const result = armAdvocates(ranked.advocates, criticism, { brand: "Northwind Coffee", facts });

  it("picks advocates present on the criticism's platform and caps them per thread", () => {
    expect(result.topics).toEqual(["shipping"]);
    expect(result.kits).toHaveLength(3);
    expect(result.kits.map((kit) => kit.customerId)).not.toContain("adv-5");
    expect(result.overCap).toBeGreaterThan(0);
    expect(armAdvocates(ranked.advocates, criticism, { brand: "N", facts, maxPerThread: 1 }).kits).toHaveLength(1);
  });

  it("cites only the customer's own records and the given facts", () => {
    const rowsOf = (customerId: string) =>
      new Set(
        [
          ...data.purchases.map((record, index) => ({ record, key: `purchases:${index + 1}` })),
          ...data.surveys.map((record, index) => ({ record, key: `surveys:${index + 1}` })),
          ...data.social.map((record, index) => ({ record, key: `social:${index + 1}` })),
        ]
          .filter(({ record }) => record.customerId === customerId)
          .map(({ key }) => key),
      );
    const factIds = new Set(facts.map((fact) => fact.id));
    for (const kit of result.kits) {
      const own = rowsOf(kit.customerId);
      for (const angle of kit.angles) {
        expect(angle.cites.length).toBeGreaterThan(0);
        for (const cite of angle.cites) {
          if (cite.kind === "fact") expect(factIds.has(cite.id)).toBe(true);
          else expect(own.has(`${cite.source}:${cite.row}`)).toBe(true);
        }
      }
      // Only facts on the criticism's topic are offered.
      expect(kit.angles.filter((angle) => angle.angle === "brand-fact").map((angle) => angle.text)).toEqual([facts[0]!.claim]);
    }
  });

  it("puts the disclosure line and the guidelines in every kit", () => {
    for (const kit of result.kits) {
      expect(kit.disclosure).toBe("Disclosure: Northwind Coffee asked me to share my experience.");
      expect(kit.guidelines.join(" ")).toMatch(/own words/);
      expect(kitMarkdown(kit, result)).toContain(`> ${kit.disclosure}`);
    }
  });

  it("discloses incentives and refuses incentives tied to positive sentiment", () => {
    expect(disclosureLine("Northwind", "a £10 voucher")).toContain("gave me a £10 voucher");
    expect(() => armAdvocates(ranked.advocates, criticism, { brand: "N", incentive: "£10 for a positive reply" })).toThrow(RangeError);
  });

  it("puts angles on the criticism's topic first, and claims first-hand experience only of topics the records show", () => {
    const first = result.kits[0]!.angles[0]!;
    expect(first.topics).toContain("shipping");
    const twoTopics = armAdvocates(ranked.advocates, { platform: "twitter", text: "Late delivery and the app keeps crashing" }, { brand: "N" });
    expect(twoTopics.topics).toEqual(["app", "shipping"]);
    // The fixture advocates praised shipping and support, never the app.
    expect(twoTopics.kits[0]!.why[1]).toBe("own experience with shipping");
  });

  it("rejects an invalid criticism or fact with a typed error naming the field", () => {
    expect(() => armAdvocates(ranked.advocates, { platform: "", text: "x" }, { brand: "N" })).toThrow(ValidationError);
    expect(() => armAdvocates(ranked.advocates, criticism, { brand: "N", facts: [{ id: "F1", topic: "shipping" }] })).toThrow(/facts row 1, field claim/);
  });
});
