/**
 * The demo behind `npm run demo`: the whole job on the bundled sample of a fictional coffee brand.
 * Validate → profile → fit → score → rank the customers, show the segments, then arm three advocates to answer
 * one piece of public criticism with grounded, cited, disclosed talking points. Then the loop: triage the next day's
 * brand mentions (which criticism to answer first, by when, with which advocates), and see what came of the
 * invitations sent (who responded, how fast, with the disclosure or without).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  advocatesTable,
  armAdvocates,
  fitResponseModel,
  identifyAdvocates,
  kitMarkdown,
  loadData,
  prepareProfiles,
  readRecords,
  resolveOptions,
  SEGMENTS,
  trackOutcomes,
  triageCriticism,
  type CriticismInput,
} from "brand-advocates";

const dataDir = fileURLToPath(new URL("./data/", import.meta.url));

const { data, sourceNames } = await loadData({
  customers: `${dataDir}customers.csv`,
  purchases: `${dataDir}purchases.csv`,
  surveys: `${dataDir}surveys.csv`,
  social: `${dataDir}social.csv`,
});

const result = identifyAdvocates(data, { sourceNames });
console.log(`# Northwind Coffee — advocates as of ${result.asOf}\n`);
console.log(`${result.scored} customers scored, ${result.advocates.length} qualify as advocates.`);
console.log(`Left out before profiling: ${result.excluded.optedOut} opted out, ${result.excluded.recentlyInvited} invited recently; ${result.excluded.belowMinimum} below the minimum on some dimension.\n`);

console.log("## Segments");
for (const [segment, count] of Object.entries(result.segments)) {
  console.log(`${String(count).padStart(6)}  ${SEGMENTS[segment as keyof typeof SEGMENTS]}`);
}

console.log("\n## Top 10 advocates\n");
console.log(advocatesTable(result.advocates.slice(0, 10)));

const criticisms = JSON.parse(readFileSync(`${dataDir}criticism.json`, "utf8")) as CriticismInput[];
const criticism = criticisms[0]!;
const facts = (await readRecords(`${dataDir}facts.csv`)) as Record<string, unknown>[];
const armed = armAdvocates(result.advocates, criticism, { brand: "Northwind Coffee", facts, maxPerThread: 3 });
console.log(`\n## Arming advocates for a criticism on ${armed.criticism.platform}: "${armed.criticism.text}"`);
console.log(`Topics: ${armed.topics.join(", ")}; ${armed.kits.length} advocates picked (${armed.notOnPlatform} are not on ${armed.criticism.platform}).\n`);
const firstKit = armed.kits[0];
console.log(firstKit === undefined ? "No advocate is active on that platform." : kitMarkdown(firstKit, armed));
console.log(`## Not on ${armed.criticism.platform}, worth telling\n`);
for (const alert of armed.alerts) {
  const vouches = alert.vouchesFor.length > 0 ? `; can vouch for ${alert.vouchesFor.join(", ")}` : "";
  console.log(`- ${alert.name ?? alert.customerId} (score ${alert.score.toFixed(3)}), active on ${alert.platforms.join(", ") || "no platform"}${vouches}`);
}

// The loop. The next day's brand mentions, from every channel (a support ticket too), by handle and thread.
const brand = { names: ["Northwind Coffee", "Northwind"], handles: ["NorthwindCoffee"] };
const loopOptions = resolveOptions({ sourceNames, top: 100, brand });
const prepared = prepareProfiles(data, loopOptions);
const listed = identifyAdvocates(data, loopOptions);
const mentions = await loadData({ social: `${dataDir}mentions.csv` });
const triage = triageCriticism(mentions.data.social ?? [], listed.model, { brand, profiles: prepared.profiles, advocates: listed.advocates, arm: { brand: "Northwind Coffee", facts, maxPerThread: 3 } });
console.log(`\n## Triage: ${triage.criticism} criticism in ${triage.threadCount} threads among ${triage.mentions} mentions, as of ${triage.now} (target: answer within ${triage.slaMinutes} minutes)\n`);
for (const [index, thread] of triage.threads.entries()) {
  const state = thread.answeredByBrand !== undefined ? "answered" : thread.overdue ? "OVERDUE" : `due ${thread.deadline.slice(11, 16)}`;
  console.log(`${index + 1}. ${thread.id} — severity ${thread.severity.toFixed(2)}, ${state}${thread.private ? ", private" : `, reach ${thread.reach}`}${thread.topics.length > 0 ? ` [${thread.topics.join(", ")}]` : ""}`);
  console.log(`   "${thread.text}"`);
  for (const action of thread.actions) console.log(`   → ${action}`);
}

// What came of the invitations those kits made (bundled: invitations.csv as triage --invitations-out writes it, and
// the advocates' public posts over the next days in responses.csv).
const invitations = (await readRecords(`${dataDir}invitations.csv`)) as Record<string, unknown>[];
const responses = await loadData({ social: `${dataDir}responses.csv` });
const outcomes = trackOutcomes(invitations, responses.data.social ?? [], { brand });
console.log(`\n## Outcomes: ${outcomes.invited} invited → ${outcomes.responded} responded → ${outcomes.disclosed} disclosed the connection`);
if (outcomes.medianHoursToFirstReply !== undefined) console.log(`Median time to a thread's first advocate reply: ${outcomes.medianHoursToFirstReply} hours.`);
for (const rate of outcomes.bySegment) console.log(`- ${SEGMENTS[rate.group as keyof typeof SEGMENTS] ?? rate.group}: ${rate.responded} of ${rate.invited} responded`);
if (outcomes.needReminder.length > 0) console.log(`Remind to disclose (posted without it): ${outcomes.needReminder.join(", ")}.`);
const response = fitResponseModel(outcomes.outcomes);
console.log(`Who responds: ${response.method === "learned" ? "learned from the outcomes" : `the base rate, ${(response.baseRate * 100).toFixed(0)} %`} (${response.reason}).`);
