import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { fitResponseModel, identifyAdvocates, invitationsOf, loadData, prepareProfiles, rankProfiles, readRecords, resolveOptions, responseProbability, trackOutcomes, triageCriticism, type SocialActivityInput } from "../src/index.js";

const brand = { names: ["Northwind"], handles: ["@NorthwindCoffee"] };

/** A small population: two loyal buyers (one with a handle), and a model fitted to them. */
function population() {
  const purchases = ["c1", "c2", "c3"].flatMap((customerId, index) =>
    Array.from({ length: index === 0 ? 12 : 2 }, (_, month) => ({ customerId, date: `2026-${String(month % 12 + 1).padStart(2, "0")}-05`, amount: 20 })),
  );
  const customers = [
    { customerId: "c1", handles: { twitter: "@loyal_lou" } },
    { customerId: "c2", handles: { twitter: "@casual_cat" } },
    { customerId: "c3", handles: { twitter: "@fan_fi" } },
  ];
  const data = { customers, purchases };
  const options = resolveOptions({ asOf: "2026-12-31", minimum: { loyalty: 0, commitment: 0, voice: 0 } });
  const result = identifyAdvocates(data, options);
  return { profiles: prepareProfiles(data, options).profiles, model: result.model };
}

const mention = (postId: string, author: string, date: string, text: string, extra: Partial<SocialActivityInput> = {}): SocialActivityInput => ({ postId, author, platform: "twitter", date, text, ...extra });

describe("triageCriticism", () => {
  const { profiles, model } = population();
  const mentions: SocialActivityInput[] = [
    mention("1", "stranger", "2026-12-31T09:00:00Z", "@NorthwindCoffee your delivery is late again, terrible service", { reach: 250_000 }),
    mention("2", "loyal_lou", "2026-12-31T09:00:00Z", "@NorthwindCoffee my order is late again, terrible service", { reach: 40 }),
    mention("3", "NorthwindCoffee", "2026-12-31T09:20:00Z", "@stranger so sorry, please DM us your order number", { inReplyTo: "1" }),
    mention("4", "fan_fi", "2026-12-31T09:30:00Z", "Love the beans, best coffee ever"),
    mention("5", "grumpy", "2026-12-30T08:00:00Z", "Northwind charged me twice and nobody answers. Awful.", { public: false, platform: "support" }),
  ];

  it("finds criticism, groups replies into its thread, says who answers and by when — the brand first", () => {
    const triage = triageCriticism(mentions, model, { brand, profiles, now: "2026-12-31T10:30:00Z", slaMinutes: 60 });
    expect(triage.mentions).toBe(5);
    expect(triage.criticism).toBe(3);
    const ids = triage.threads.map((thread) => thread.id);
    expect([...ids].sort()).toEqual(["support:5", "twitter:1", "twitter:2"]);
    // The loyal customer's unanswered complaint before the stranger's, which the brand has answered.
    expect(ids.indexOf("twitter:2")).toBeLessThan(ids.indexOf("twitter:1"));
    const [ticket, loyal, loud] = ["support:5", "twitter:2", "twitter:1"].map((id) => triage.threads.find((thread) => thread.id === id));
    expect(loyal?.customers).toEqual(["c1"]);
    expect(loyal?.overdue).toBe(true);
    expect(loyal?.actions[0]).toMatch(/^Answer as the brand by 2026-12-31T10:00:00.000Z \(overdue by 30 minutes\)/);
    expect(loud?.answeredByBrand).toBe("2026-12-31T09:20:00.000Z");
    expect(loud?.posts).toBe(2);
    expect(ticket?.private).toBe(true);
    expect(ticket?.actions.join(" ")).toContain("advocates are never invited to a private conversation");
    for (const thread of triage.threads) expect(thread.owner).toBe("brand");
  });

  it("a quiet loyal customer's complaint is not less urgent than a loud stranger's", () => {
    const unanswered = mentions.filter((each) => each.postId !== "3");
    const triage = triageCriticism(unanswered, model, { brand, profiles, now: "2026-12-31T09:30:00Z" });
    const ids = triage.threads.map((thread) => thread.id);
    expect(ids.indexOf("twitter:2")).toBeLessThan(ids.indexOf("twitter:1"));
    const loyal = triage.threads.find((thread) => thread.id === "twitter:2")!;
    expect(loyal.parts.customerValue).toBeGreaterThan(0.3);
  });

  it("arms advocates for a public thread (capped), none for a repeat complainer", () => {
    const ranked = identifyAdvocates(
      {
        customers: [{ customerId: "c3", handles: { twitter: "@fan_fi" } }],
        purchases: Array.from({ length: 10 }, (_, month) => ({ customerId: "c3", date: `2026-${String(month + 1).padStart(2, "0")}-05`, amount: 20, product: "Delivery box" })),
        social: [{ customerId: "c3", date: "2026-10-01", platform: "twitter", text: "Northwind delivery is always fast, love it", sentiment: 0.9, mentionsBrand: true }],
      },
      { asOf: "2026-12-31", minimum: { loyalty: 0, commitment: 0, voice: 0 } },
    );
    const repeat = [0, 1, 2, 3].map((index) => mention(`r${index}`, "again", `2026-12-2${index + 1}T09:00:00Z`, "@NorthwindCoffee delivery late again, awful"));
    const triage = triageCriticism([...mentions, ...repeat], model, { brand, profiles, advocates: ranked.advocates, arm: { brand: "Northwind Coffee", maxPerThread: 1 }, now: "2026-12-31T10:30:00Z" });
    const loud = triage.threads.find((thread) => thread.id === "twitter:1")!;
    expect(loud.advocates.length).toBeLessThanOrEqual(1);
    const again = triage.threads.find((thread) => thread.id === "twitter:r3")!;
    expect(again.parts.repeat).toBe(1);
    expect(again.advocates).toEqual([]);
    expect(again.actions.join(" ")).toContain("A repeat complainer");
  });

  it("invites each advocate to one thread a round, the most urgent first; a third complaint makes a repeat complainer", () => {
    const fans = ["f1", "f2"].map((customerId) => ({ customerId, handles: { twitter: `@${customerId}_fan` } }));
    const ranked = identifyAdvocates(
      {
        customers: fans,
        purchases: fans.flatMap(({ customerId }) => Array.from({ length: 10 }, (_, month) => ({ customerId, date: `2026-${String(month + 1).padStart(2, "0")}-05`, amount: 20, product: "Delivery box" }))),
        social: fans.map(({ customerId }) => ({ customerId, date: "2026-10-01", platform: "twitter", text: "Northwind delivery is always fast, love it", sentiment: 0.9, mentionsBrand: true })),
      },
      { asOf: "2026-12-31", minimum: { loyalty: 0, commitment: 0, voice: 0 } },
    );
    expect(ranked.advocates.map((advocate) => advocate.customerId).sort()).toEqual(["f1", "f2"]);
    const threads = [
      mention("old", "first_one", "2026-12-31T06:00:00Z", "@NorthwindCoffee my delivery is late, terrible"),
      mention("new", "second_one", "2026-12-31T10:00:00Z", "@NorthwindCoffee delivery late, terrible"),
      ...[0, 1, 2].map((index) => mention(`x${index}`, "thrice", `2026-12-31T0${index + 7}:00:00Z`, "@NorthwindCoffee delivery late again, terrible")),
    ];
    const triage = triageCriticism(threads, model, { brand, advocates: ranked.advocates, arm: { brand: "Northwind Coffee", maxPerThread: 2 }, now: "2026-12-31T10:30:00Z" });
    const first = triage.threads.find((thread) => thread.id === "twitter:old")!;
    const second = triage.threads.find((thread) => thread.id === "twitter:new")!;
    expect(triage.threads.indexOf(first)).toBeLessThan(triage.threads.indexOf(second));
    expect(first.advocates.map((kit) => kit.customerId).sort()).toEqual(["f1", "f2"]);
    expect(second.advocates).toEqual([]);
    expect(second.actions.join(" ")).toContain("not already invited to a more urgent thread");
    const invitedTwice = triage.threads.flatMap((thread) => thread.advocates.map((kit) => kit.customerId));
    expect(new Set(invitedTwice).size).toBe(invitedTwice.length);
    for (const index of [0, 1, 2]) {
      const thrice = triage.threads.find((thread) => thread.id === `twitter:x${index}`)!;
      expect(thrice.parts.repeat).toBe(1);
      expect(thrice.advocates).toEqual([]);
    }
  });

  it("a private message is about the brand whether or not it names it; a public post must name it", () => {
    const unnamed = [
      mention("t1", "ticket-1", "2026-12-31T09:00:00Z", "I was charged twice and nobody answers my emails. Awful.", { public: false, platform: "support" }),
      mention("p1", "someone", "2026-12-31T09:00:00Z", "I was charged twice and nobody answers my emails. Awful."),
    ];
    const triage = triageCriticism(unnamed, model, { brand, now: "2026-12-31T10:30:00Z" });
    expect(triage.threads.map((thread) => thread.id)).toEqual(["support:t1"]);
  });

  it("property: older and more severe first at equal reach; reach alone never outranks severity", () => {
    const post = fc.record({ minutesAgo: fc.integer({ min: 0, max: 600 }), harsh: fc.constantFrom("late", "awful", "terrible, a scam, never again"), reach: fc.integer({ min: 0, max: 1_000_000 }) });
    fc.assert(
      fc.property(fc.array(post, { minLength: 2, maxLength: 12 }), (posts) => {
        const now = Date.parse("2026-12-31T12:00:00Z");
        const input = posts.map((each, index) => mention(String(index), `author${index}`, new Date(now - each.minutesAgo * 60_000).toISOString(), `@NorthwindCoffee ${each.harsh}`, { reach: each.reach }));
        const { threads } = triageCriticism(input, model, { brand, now: new Date(now) });
        for (let a = 0; a < threads.length; a += 1) {
          for (let b = a + 1; b < threads.length; b += 1) {
            const first = threads[a]!;
            const later = threads[b]!;
            // Never: the later one is both at least as old and strictly more severe (or older and as severe).
            const dominates = later.ageMinutes >= first.ageMinutes && later.severity >= first.severity && (later.ageMinutes > first.ageMinutes || later.severity > first.severity);
            expect(dominates, `${later.id} should come before ${first.id}`).toBe(false);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe("trackOutcomes", () => {
  const invitations = [
    { kitId: "k1", customerId: "c1", threadId: "twitter:100", platform: "twitter", handle: "@loyal_lou", invitedAt: "2026-06-30T10:00:00Z", segment: "vocal-advocate", score: 0.81, incentive: "none" },
    { kitId: "k2", customerId: "c2", threadId: "twitter:100", platform: "twitter", handle: "casual_cat", invitedAt: "2026-06-30T10:00:00Z", segment: "rising-fan", score: 0.55, incentive: "a £5 voucher" },
    { kitId: "k3", customerId: "c3", threadId: "twitter:100", platform: "twitter", invitedAt: "2026-06-30T10:00:00Z", segment: "vocal-advocate", score: 0.72, incentive: "none" },
    { kitId: "k4", customerId: "c4", threadId: "twitter:200", platform: "twitter", handle: "late_lee", invitedAt: "2026-06-30T10:00:00Z", segment: "vocal-advocate", score: 0.7, incentive: "none" },
  ];
  const later: SocialActivityInput[] = [
    // A reply under a reply of the criticism's thread, two hours later, disclosed.
    { postId: "101", inReplyTo: "100", author: "someone", platform: "twitter", date: "2026-06-30T09:00:00Z", text: "same here" },
    { postId: "102", inReplyTo: "101", author: "LOYAL_LOU", platform: "twitter", date: "2026-06-30T12:00:00Z", text: "Never had a problem, always fresh. Disclosure: Northwind asked me to share my experience.", engagement: 4 },
    // A post about the brand on the platform, not in the thread, without a disclosure.
    { customerId: "c3", platform: "twitter", date: "2026-07-01T09:00:00Z", text: "Honestly @NorthwindCoffee beans are the best", mentionsBrand: true },
    // After the window: not an answer.
    { author: "late_lee", platform: "twitter", date: "2026-07-10T09:00:00Z", text: "Northwind is great", mentionsBrand: true, inReplyTo: "200", postId: "201" },
  ];

  it("matches a reply in the thread, a brand post within the window, and none; flags a missing disclosure", () => {
    const report = trackOutcomes(invitations, later, { brand });
    const by = new Map(report.outcomes.map((outcome) => [outcome.kitId, outcome]));
    expect(by.get("k1")).toMatchObject({ responded: true, where: "thread", hoursToRespond: 2, disclosed: true, needsReminder: false, engagement: 4 });
    expect(by.get("k2")).toMatchObject({ responded: false, needsReminder: false });
    expect(by.get("k3")).toMatchObject({ responded: true, where: "platform", hoursToRespond: 23, disclosed: false, needsReminder: true });
    expect(by.get("k4")?.responded).toBe(false);
    expect(report.needReminder).toEqual(["c3"]);
    expect(report.bySegment).toEqual([
      { group: "rising-fan", invited: 1, responded: 0, rate: 0 },
      { group: "vocal-advocate", invited: 3, responded: 2, rate: 0.67 },
    ]);
    expect(report.byIncentive.map((rate) => rate.group)).toEqual(["a £5 voucher", "none"]);
    expect(report.byScoreDecile.map((rate) => rate.group)).toEqual(["0.5–0.6", "0.7–0.8", "0.8–0.9"]);
    expect(report.byThread).toEqual([
      { threadId: "twitter:100", invited: 3, responded: 2, hoursToFirstReply: 2 },
      { threadId: "twitter:200", invited: 1, responded: 0, hoursToFirstReply: undefined },
    ]);
    expect(report.medianHoursToFirstReply).toBe(2);
  });

  it("invitations written from kits round-trip into outcomes", () => {
    const kits = [{ customerId: "c1", platform: "twitter", handle: "@loyal_lou", score: 0.8, why: [], angles: [], disclosure: "Disclosure: …", guidelines: [] }];
    const rows = invitationsOf(kits, { threadId: "twitter:100", invitedAt: new Date("2026-06-30T10:00:00Z") });
    expect(rows[0]).toMatchObject({ customerId: "c1", threadId: "twitter:100", incentive: "none" });
    expect(rows[0]?.kitId).toMatch(/^kit-[0-9a-z]+$/);
    expect(invitationsOf(kits, { threadId: "twitter:100", invitedAt: new Date("2026-06-30T10:00:00Z") })[0]?.kitId).toBe(rows[0]?.kitId);
    expect(trackOutcomes(rows, later, { brand }).responded).toBe(1);
  });
});

describe("learning from outcomes", () => {
  it("falls back to the base rate with too few outcomes, and learns who responds when there are enough", () => {
    const few = [{ kitId: "k1", responded: true, features: [0.9, 0.9, 0.9, 0.9, 0.9] }];
    expect(fitResponseModel(few)).toMatchObject({ method: "base-rate", reason: expect.stringContaining("too few outcomes") });
    // Advocates with high voice answer; the others rarely do.
    const outcomes = Array.from({ length: 400 }, (_, index) => {
      const voice = (index % 20) / 20;
      return { kitId: `k${index}`, responded: voice > 0.5 ? index % 5 !== 0 : index % 7 === 0, features: [0.6, 0.7, 0.6, voice, 0.5] };
    });
    const model = fitResponseModel(outcomes);
    expect(model.method).toBe("learned");
    expect(model.holdout!.learned).toBeLessThan(model.holdout!.baseRate);
    expect(responseProbability(model, { score: 0.6, loyalty: 0.7, commitment: 0.6, voice: 0.9, exposure: 0.5 })).toBeGreaterThan(responseProbability(model, { score: 0.6, loyalty: 0.7, commitment: 0.6, voice: 0.1, exposure: 0.5 }));
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });

  it("invitations already sent set the cool-down, without a lastInvitedAt column", () => {
    const purchases = ["c1", "c2"].flatMap((customerId) => ["2026-01-05", "2026-03-05", "2026-05-05"].map((date) => ({ customerId, date, amount: 10 })));
    const invitations = [{ kitId: "k1", customerId: "c1", threadId: "twitter:1", platform: "twitter", invitedAt: "2026-05-01T10:00:00Z" }];
    const result = identifyAdvocates({ purchases, invitations }, { asOf: "2026-06-30", minimum: { loyalty: 0, commitment: 0, voice: 0 } });
    expect(result.excluded.recentlyInvited).toBe(1);
    expect(result.advocates.map((advocate) => advocate.customerId)).toEqual(["c2"]);
  });
});

describe("the bundled loop (examples/data: mentions, invitations, responses)", () => {
  const dataDir = fileURLToPath(new URL("../examples/data/", import.meta.url));
  const brand = { names: ["Northwind Coffee", "Northwind"], handles: ["NorthwindCoffee"] };

  it("invitations.csv is what triage of mentions.csv arms from the sample today (regenerate with npm run generate-loop)", async () => {
    const { data, sourceNames } = await loadData({ customers: `${dataDir}customers.csv`, purchases: `${dataDir}purchases.csv`, surveys: `${dataDir}surveys.csv`, social: `${dataDir}social.csv` });
    const options = resolveOptions({ sourceNames, top: 100, brand });
    const prepared = prepareProfiles(data, options);
    const ranked = rankProfiles(prepared, options);
    const mentions = await loadData({ social: `${dataDir}mentions.csv` });
    const facts = (await readRecords(`${dataDir}facts.csv`)) as Record<string, unknown>[];
    const triage = triageCriticism(mentions.data.social ?? [], ranked.model, { brand, profiles: prepared.profiles, advocates: ranked.advocates, arm: { brand: "Northwind Coffee", facts, maxPerThread: 3 } });
    // Every channel: the support ticket is triaged (private: no advocates), the repeat complainer gets none either.
    expect(triage.threads.some((thread) => thread.private && thread.advocates.length === 0)).toBe(true);
    expect(triage.threads.some((thread) => thread.actions.join(" ").includes("A repeat complainer"))).toBe(true);
    const expected = triage.threads.flatMap((thread) => invitationsOf(thread.advocates, { threadId: thread.id, invitedAt: new Date(triage.now), advocates: ranked.advocates }));
    const bundled = (await readRecords(`${dataDir}invitations.csv`)) as Record<string, unknown>[];
    expect(bundled.map((row) => [row.kitId, row.customerId, row.threadId])).toEqual(expected.map((row) => [row.kitId, row.customerId, row.threadId]));
    // No advocate is sent to two threads at once, and none of them is a critic of the brand.
    expect(new Set(bundled.map((row) => row.customerId)).size).toBe(bundled.length);
  });

  it("outcomes of the bundled invitations: responses in the thread and on the platform, a missing disclosure flagged", async () => {
    const invitations = (await readRecords(`${dataDir}invitations.csv`)) as Record<string, unknown>[];
    const responses = await loadData({ social: `${dataDir}responses.csv` });
    const report = trackOutcomes(invitations, responses.data.social ?? [], { brand });
    expect(report.invited).toBe(invitations.length);
    expect(report.responded).toBeGreaterThan(0);
    expect(report.responded).toBeLessThan(report.invited);
    expect(report.disclosed).toBeLessThan(report.responded);
    expect(report.needReminder.length).toBe(report.responded - report.disclosed);
    for (const outcome of report.outcomes.filter((each) => each.responded)) {
      expect(outcome.hoursToRespond).toBeGreaterThan(0);
      expect(outcome.hoursToRespond).toBeLessThanOrEqual(72);
      expect(Math.abs(outcome.tone ?? Number.NaN)).toBeLessThanOrEqual(1);
    }
    expect(fitResponseModel(report.outcomes).method).toBe("base-rate");
  });
});
