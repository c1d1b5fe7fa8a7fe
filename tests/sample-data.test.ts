import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { armAdvocates, identifyAdvocates, loadData, readRecords, type CriticismInput } from "../src/index.js";
import { readFileSync } from "node:fs";

const dataDir = fileURLToPath(new URL("../examples/data/", import.meta.url));

describe("the bundled sample (examples/data)", async () => {
  const { data, sourceNames } = await loadData({
    customers: `${dataDir}customers.csv`,
    purchases: `${dataDir}purchases.csv`,
    surveys: `${dataDir}surveys.csv`,
    social: `${dataDir}social.csv`,
  });
  const customers = (await readRecords(`${dataDir}customers.csv`)) as Array<Record<string, string>>;
  const result = identifyAdvocates(data, { sourceNames });

  it("validates cleanly and scores thousands of customers", () => {
    expect(result.problems).toEqual([]);
    expect(result.scored).toBeGreaterThan(2_500);
    expect(result.advocates.length).toBeGreaterThan(20);
  });

  it("never lists a customer who opted out or was invited within the cool-down", () => {
    const optedOut = new Set(customers.filter((row) => row.optedOut === "true").map((row) => row.customerId));
    expect(optedOut.size).toBeGreaterThan(10);
    expect(result.excluded.optedOut).toBe(optedOut.size);
    expect(result.advocates.filter((advocate) => optedOut.has(advocate.customerId))).toEqual([]);
    const asOf = Date.parse(`${result.asOf}T00:00:00Z`);
    const recentlyInvited = customers.filter((row) => row.lastInvitedAt !== undefined && asOf - Date.parse(`${row.lastInvitedAt}T00:00:00Z`) < 90 * 86_400_000);
    expect(result.advocates.filter((advocate) => recentlyInvited.some((row) => row.customerId === advocate.customerId))).toEqual([]);
  });

  it("puts only loyal, committed, favourable voices at the top", () => {
    for (const advocate of result.advocates.slice(0, 20)) {
      expect(["vocal-advocate", "rising-fan"]).toContain(advocate.segment);
      expect(advocate.evidence.commitment.latestNpsCategory).not.toBe("detractor");
      expect(advocate.evidence.voice.positiveMentions + advocate.evidence.voice.defences).toBeGreaterThan(advocate.evidence.voice.negativeMentions);
      expect(advocate.evidence.loyalty.daysSinceLastPurchase).toBeLessThan(365);
    }
  });

  it("never lets a claimed promoter (says 9–10, does not buy or speaks ill) reach the top", () => {
    expect(result.statedVsRevealed.claimedPromoters).toBeGreaterThan(50);
    const top = result.advocates.slice(0, 20);
    expect(top.filter((advocate) => advocate.flags.claimedPromoter)).toEqual([]);
    for (const advocate of top) expect(advocate.loyaltyQuadrant).toBe("true-loyalty");
  });

  it("lists no vocal critic, and keeps claimed promoters and spurious loyals out of the top 20", () => {
    expect(result.advocates.filter((advocate) => advocate.segment === "vocal-critic")).toEqual([]);
    const weak = result.advocates.filter((advocate) => advocate.segment === "claimed-promoter" || advocate.segment === "spurious-loyal");
    expect(weak.every((advocate) => advocate.rank > 20)).toBe(true);
    expect(result.segments["vocal-critic"]).toBeGreaterThanOrEqual(70);
  });

  it("gives no voice to accounts that post in public but never about the brand, however big their reach", async () => {
    const social = (await readRecords(`${dataDir}social.csv`)) as Array<Record<string, string>>;
    const publicPosters = new Set(social.filter((row) => row.public !== "false").map((row) => row.customerId as string));
    const mentioners = new Set(social.filter((row) => row.public !== "false" && row.mentionsBrand === "true").map((row) => row.customerId as string));
    const neverMention = [...publicPosters].filter((id) => !mentioners.has(id));
    expect(neverMention.length).toBeGreaterThan(40);
    const everyone = identifyAdvocates(data, { sourceNames, minimum: { loyalty: 0, commitment: 0, voice: 0 } });
    const advocateById = new Map(everyone.advocates.map((advocate) => [advocate.customerId, advocate]));
    const bigReach = neverMention.filter((id) => (advocateById.get(id)?.evidence.voice.maxReach ?? 0) >= 100_000);
    expect(bigReach.length).toBeGreaterThan(20);
    for (const id of neverMention) expect(advocateById.get(id)?.voice ?? 0).toBe(0);
  });

  it("arms advocates for the sample criticism with citations that exist and a disclosure", async () => {
    const criticism = (JSON.parse(readFileSync(`${dataDir}criticism.json`, "utf8")) as CriticismInput[])[0]!;
    const facts = (await readRecords(`${dataDir}facts.csv`)) as Array<Record<string, string>>;
    const armed = armAdvocates(result.advocates, criticism, { brand: "Northwind Coffee", facts });
    expect(armed.kits.length).toBeGreaterThan(0);
    expect(armed.kits.length).toBeLessThanOrEqual(3);
    const factIds = new Set(facts.map((fact) => fact.id));
    for (const kit of armed.kits) {
      expect(kit.disclosure).toContain("Northwind Coffee asked me");
      for (const angle of kit.angles) {
        for (const cite of angle.cites) {
          if (cite.kind === "fact") expect(factIds.has(cite.id)).toBe(true);
          else expect(["purchases.csv", "surveys.csv", "social.csv"]).toContain(cite.source);
        }
      }
    }
  });
});
