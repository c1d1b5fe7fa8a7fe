/**
 * The demo behind `npm run demo`: the whole job on the bundled sample of a fictional coffee brand.
 * Validate → profile → fit → score → rank the customers, show the segments, then arm three advocates to answer
 * one piece of public criticism with grounded, cited, disclosed talking points.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { advocatesTable, armAdvocates, identifyAdvocates, kitMarkdown, loadData, readRecords, SEGMENTS, type CriticismInput } from "brand-advocates";

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
