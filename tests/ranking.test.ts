import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { identifyAdvocates } from "../src/index.js";
import { addOptedOutAdvocate, addPopulation, addTrueAdvocate, archetypeData, emptyData } from "./fixtures/archetypes.js";

const ALL = { minimum: { loyalty: 0, commitment: 0, voice: 0 } };

describe("identifyAdvocates", () => {
  const data = archetypeData();
  const everyone = identifyAdvocates(data, ALL);
  const rankOf = (customerId: string) => everyone.advocates.find((advocate) => advocate.customerId === customerId)?.rank ?? Infinity;

  it("ranks the true advocate first, above the vocal critic, the silent loyalist and the lapsed promoter", () => {
    expect(everyone.advocates[0]?.customerId).toBe("true-advocate");
    expect(everyone.advocates[0]?.segment).toBe("vocal-advocate");
    for (const weakOnOne of ["vocal-critic", "silent-loyalist", "lapsed-promoter"]) {
      expect(rankOf(weakOnOne)).toBeGreaterThan(rankOf("true-advocate"));
    }
  });

  it("scores customers weak on any one dimension at well under half the true advocate's score", () => {
    const scoreOf = (customerId: string) => everyone.advocates.find((advocate) => advocate.customerId === customerId)!.score;
    for (const weakOnOne of ["vocal-critic", "silent-loyalist", "lapsed-promoter"]) {
      expect(scoreOf(weakOnOne)).toBeLessThan(scoreOf("true-advocate") / 2);
    }
    expect(everyone.advocates.find((advocate) => advocate.customerId === "silent-loyalist")?.voice).toBe(0);
  });

  it("names segments that match the archetypes", () => {
    const segmentOf = (id: string) => everyone.advocates.find((advocate) => advocate.customerId === id)?.segment;
    expect(segmentOf("vocal-critic")).toBe("vocal-critic");
    expect(segmentOf("silent-loyalist")).toBe("silent-loyalist");
    expect(segmentOf("lapsed-promoter")).toBe("claimed-promoter");
  });

  it("with default minimums lists the true advocate and none of the weak-on-one archetypes", () => {
    const listed = identifyAdvocates(data).advocates.map((advocate) => advocate.customerId);
    expect(listed).toContain("true-advocate");
    expect(listed).not.toContain("vocal-critic");
    expect(listed).not.toContain("silent-loyalist");
    expect(listed).not.toContain("lapsed-promoter");
  });

  it("never profiles or lists an opted-out customer, and counts the exclusion", () => {
    expect(everyone.advocates.some((advocate) => advocate.customerId === "opted-out")).toBe(false);
    expect(everyone.excluded.optedOut).toBe(1);
    expect(everyone.scored).toBe(304);
  });

  it("applies consent and the invitation cool-down before profiling", () => {
    const fixture = emptyData();
    addPopulation(fixture, 50);
    addTrueAdvocate(fixture, "consented");
    addTrueAdvocate(fixture, "no-consent");
    addTrueAdvocate(fixture, "invited-last-month");
    fixture.customers.push({ customerId: "consented", consent: true }, { customerId: "invited-last-month", consent: true, lastInvitedAt: "2026-06-01" });
    const result = identifyAdvocates(fixture, { requireConsent: true, ...ALL });
    expect(result.advocates.map((advocate) => advocate.customerId)).toEqual(["consented"]);
    expect(result.excluded).toMatchObject({ noConsent: 51, recentlyInvited: 1 });
    const longCooldownOff = identifyAdvocates(fixture, { cooldownDays: 0, ...ALL });
    expect(longCooldownOff.advocates.map((advocate) => advocate.customerId)).toContain("invited-last-month");
  });

  it("explains every listed advocate in plain words and grounds every talking point in a cited record", () => {
    const top = everyone.advocates[0]!;
    expect(top.reasons).toHaveLength(3);
    expect(top.reasons[0]).toMatch(/^bought on 24 days over 1\.9 years, last 4 days ago/);
    expect(top.reasons[1]).toMatch(/latest NPS 10\/10 \(promoter\)/);
    expect(top.reasons[2]).toMatch(/answered criticism of the brand 3 times/);
    expect(top.talkingPoints.length).toBeGreaterThan(2);
    for (const point of top.talkingPoints) expect(point.cites.length).toBeGreaterThan(0);
  });

  it("is deterministic: a rerun and a shuffled input give byte-identical JSON", () => {
    const first = JSON.stringify(identifyAdvocates(data));
    expect(JSON.stringify(identifyAdvocates(data))).toBe(first);
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const shuffled = {
          customers: fc.sample(fc.shuffledSubarray(data.customers, { minLength: data.customers.length }), { seed, numRuns: 1 })[0]!,
          purchases: data.purchases,
          surveys: fc.sample(fc.shuffledSubarray(data.surveys, { minLength: data.surveys.length }), { seed, numRuns: 1 })[0]!,
          social: data.social,
        };
        // Row numbers cite the input rows, so compare everything but the citations.
        const strip = (json: string) => json.replace(/"row":\d+/g, "");
        expect(strip(JSON.stringify(identifyAdvocates(shuffled).advocates))).toBe(strip(JSON.stringify(identifyAdvocates(data).advocates)));
      }),
      { numRuns: 5 },
    );
  });

  it("an opted-out customer never appears, whatever else the data says (property)", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom<string>("__proto__", "a", "b", "c", "constructor", "toString"), { minLength: 1 }), (ids) => {
        const fixture = emptyData();
        addPopulation(fixture, 30);
        for (const id of ids) addOptedOutAdvocate(fixture, id);
        const result = identifyAdvocates(fixture, ALL);
        expect(result.advocates.filter((advocate) => ids.includes(advocate.customerId))).toEqual([]);
        expect(result.excluded.optedOut).toBe(ids.length);
      }),
      { numRuns: 20 },
    );
  });

  it("scores a customer with no data on a dimension low with low confidence, never NaN", () => {
    const fixture = emptyData();
    fixture.purchases.push({ customerId: "buyer", date: "2026-01-01", amount: 10 });
    fixture.surveys.push({ customerId: "surveyed", date: "2026-01-01", nps: 10 });
    fixture.social.push({ customerId: "poster", date: "2026-01-01", platform: "reddit", type: "post" });
    const result = identifyAdvocates(fixture, ALL);
    for (const advocate of result.advocates) {
      for (const value of [advocate.score, advocate.loyalty, advocate.commitment, advocate.voice, advocate.confidence]) {
        expect(Number.isFinite(value)).toBe(true);
      }
      expect(advocate.score).toBe(0);
    }
    expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity|null/);
  });
});

describe("k-means personas", () => {
  it("are seeded and ordered by strength, so reruns give the same personas and ids", () => {
    const data = archetypeData();
    const first = identifyAdvocates(data, { personas: 4, minimum: { loyalty: 0, commitment: 0, voice: 0 } });
    const again = identifyAdvocates(data, { personas: 4, minimum: { loyalty: 0, commitment: 0, voice: 0 } });
    expect(first.personas).toHaveLength(4);
    expect(JSON.stringify(again.personas)).toBe(JSON.stringify(first.personas));
    expect(first.personas!.reduce((sum, persona) => sum + persona.size, 0)).toBe(first.scored);
    const strength = (persona: { centroid: { loyalty: number; commitment: number; voice: number } }) =>
      persona.centroid.loyalty * persona.centroid.commitment * persona.centroid.voice;
    for (let index = 1; index < first.personas!.length; index += 1) {
      expect(strength(first.personas![index - 1]!)).toBeGreaterThanOrEqual(strength(first.personas![index]!));
    }
    expect(first.advocates.find((advocate) => advocate.customerId === "true-advocate")?.persona).toBe("persona-1");
  });
});
