import { describe, expect, it } from "vitest";
import { armAdvocates, buildProfiles, fitModel, identifyAdvocates, resolveOptions, score, validateData } from "../src/index.js";
import { addPopulation, addTrueAdvocate, daysAgo, emptyData, type FixtureData } from "./fixtures/archetypes.js";

const ALL = { minimum: { loyalty: 0, commitment: 0, voice: 0 } };

function post(data: FixtureData, customerId: string, count: number, extra: Record<string, unknown>, everyDays = 10, startDaysAgo = 2): void {
  for (let index = 0; index < count; index += 1) {
    data.social.push({ customerId, date: daysAgo(startDaysAgo + index * everyDays), platform: "twitter", type: "post", ...extra } as FixtureData["social"][number]);
  }
}

function voiceData(): FixtureData {
  const data = emptyData();
  addPopulation(data, 200);
  // A small account that often defends the brand.
  post(data, "small-defender", 6, { type: "reply", mentionsBrand: true, repliesToCriticism: true, text: "Not my experience at all, their support sorted my order in a day, great service", reach: 150 });
  // A huge account that posts a lot but never about the brand.
  post(data, "big-silent", 30, { mentionsBrand: false, text: "Great day at the match", reach: 2_000_000, engagement: 5_000 });
  // The same defences, but private.
  post(data, "private-fan", 6, { public: false, mentionsBrand: true, repliesToCriticism: true, text: "Love this brand, great service" });
  // Identical activity, recent vs a year and a half ago.
  post(data, "recent-fan", 4, { mentionsBrand: true, text: "Love the coffee" }, 10, 2);
  post(data, "old-fan", 4, { mentionsBrand: true, text: "Love the coffee" }, 10, 540);
  // Bought audiences.
  post(data, "bought-followers", 4, { mentionsBrand: true, text: "Love the coffee", reach: 500_000, engagement: 1 });
  post(data, "same-without-reach", 4, { mentionsBrand: true, text: "Love the coffee", engagement: 1 });
  post(data, "bought-engagement", 5, { mentionsBrand: true, text: "Love the coffee", reach: 100, engagement: 5_000 });
  return data;
}

describe("voice", () => {
  const data = voiceData();
  const model = fitModel(data);
  const profiles = buildProfiles(validateData(data, resolveOptions())).profiles;
  const voiceOf = (id: string) => score(profiles.get(id)!, model).voice;

  it("calls a small account that often defends the brand vocal, and a big account that never mentions it silent", () => {
    expect(voiceOf("small-defender").score).toBeGreaterThan(0.5);
    expect(voiceOf("small-defender").evidence.defences).toBe(6);
    expect(voiceOf("big-silent").score).toBe(0);
  });

  it("ignores private activity", () => {
    expect(voiceOf("private-fan").score).toBe(0);
    expect(voiceOf("private-fan").evidence).toMatchObject({ publicActivities: 0, privateActivities: 6 });
  });

  it("weights recent activity above the same activity long ago", () => {
    expect(voiceOf("recent-fan").score).toBeGreaterThan(voiceOf("old-fan").score);
  });

  it("flags audiences that look bought and gives their reach no weight", () => {
    expect(voiceOf("bought-followers").evidence.suspiciousAudience).toBe("followers");
    expect(voiceOf("bought-engagement").evidence.suspiciousAudience).toBe("engagement");
    expect(voiceOf("recent-fan").evidence.suspiciousAudience).toBeUndefined();
    // The same four favourable posts and engagement: half a million bought followers earn nothing over no reach.
    expect(voiceOf("bought-followers").score).toBeCloseTo(voiceOf("same-without-reach").score, 12);
  });
});

describe("exposure and alerts", () => {
  function exposureData(): FixtureData {
    const data = emptyData();
    addPopulation(data, 120);
    // Criticism happens on reddit.
    for (let index = 0; index < 12; index += 1) {
      data.social.push({ customerId: `critic-${index}`, date: daysAgo(3 + index), platform: "reddit", type: "post", mentionsBrand: true, text: "Terrible, my order arrived late again" });
    }
    addTrueAdvocate(data, "on-twitter");
    addTrueAdvocate(data, "on-reddit");
    for (const row of data.social) if (row.customerId === "on-reddit") row.platform = "reddit";
    data.customers.push({ customerId: "on-reddit", handles: { reddit: "u/fan" } });
    return data;
  }

  it("maps where criticism happens and scores each advocate's exposure to it", () => {
    const result = identifyAdvocates(exposureData(), ALL);
    expect(result.model.voice.landscape.platforms).toEqual([["reddit", 1]]);
    expect(result.model.voice.landscape.topics).toContainEqual(["shipping", 1]);
    const find = (id: string) => result.advocates.find((advocate) => advocate.customerId === id)!;
    expect(find("on-reddit").exposure.score).toBeGreaterThan(0.9);
    expect(find("on-twitter").exposure.score).toBeLessThan(0.3);
  });

  it("alerts strong advocates who are not on the criticism's platform instead of counting on them", () => {
    const { advocates } = identifyAdvocates(exposureData());
    const armed = armAdvocates(advocates, { platform: "reddit", text: "Shipping is a joke, my parcel is late" }, { brand: "N" });
    expect(armed.kits.map((kit) => kit.customerId)).toContain("on-reddit");
    expect(armed.kits.map((kit) => kit.customerId)).not.toContain("on-twitter");
    const alert = armed.alerts.find((entry) => entry.customerId === "on-twitter")!;
    expect(alert.platforms).toEqual(["twitter"]);
    expect(alert.vouchesFor).toEqual(["shipping"]);
  });

  it("lists what an advocate can vouch for from their own purchases and praise", () => {
    const { advocates } = identifyAdvocates(exposureData(), ALL);
    const knowledge = advocates.find((advocate) => advocate.customerId === "on-twitter")!.knowledge;
    expect(knowledge.products).toEqual([{ name: "House Blend beans", count: 24 }]);
    expect(knowledge.praised).toEqual(["quality", "shipping"]);
    expect(knowledge.topics).toEqual(["quality", "shipping"]);
  });
});
