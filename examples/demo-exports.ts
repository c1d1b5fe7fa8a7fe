/**
 * The demo behind `npm run demo:exports`: the main job on the bundled sample written as real tools export it
 * (examples/exports/, from `npm run generate-exports`): a CRM export with its own column names, Shopify orders,
 * Typeform responses, X API v2 mentions keyed by author handle with replies threaded under the criticism they
 * answer, and a social-listening export. Presets and one mapping file read them; nothing is rewritten by hand.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { advocatesTable, armAdvocates, loadFacts, profileFiles, rankProfiles, resolveOptions, type AdvocateOptionsInput } from "brand-advocates";

const exportsDir = fileURLToPath(new URL("./exports/", import.meta.url));
const dataDir = fileURLToPath(new URL("./data/", import.meta.url));

const mapping = JSON.parse(readFileSync(`${exportsDir}mapping.json`, "utf8")) as Pick<AdvocateOptionsInput, "columns">;
const options = resolveOptions({ ...mapping, brand: { names: ["Northwind Coffee", "Northwind"], handles: ["@NorthwindCoffee"] } });
const prepared = await profileFiles(
  {
    customers: `${exportsDir}crm-customers.csv`,
    purchases: { file: `${exportsDir}shopify-orders.csv`, preset: "shopify-orders" },
    surveys: { file: `${exportsDir}typeform-responses.csv`, preset: "typeform" },
    social: [
      { file: `${exportsDir}x-api-mentions.json`, preset: "x-api-v2" },
      { file: `${exportsDir}listening-mentions.csv`, preset: "social-listening" },
    ],
  },
  options,
);
const result = rankProfiles(prepared, options);

console.log(`# Northwind Coffee, from its tools' exports — advocates as of ${result.asOf}\n`);
console.log(`${result.scored} customers scored, ${result.advocates.length} qualify as advocates; ${result.excluded.optedOut} opted out (read from the CRM's "Do Not Profile").`);
console.log(`Defences found from threads: ${prepared.threads.defences}; public voices who are not known customers: ${result.unmatchedAuthors.length}.\n`);
console.log("## What reading found worth saying\n");
for (const warning of result.warnings) console.log(`- ${warning}`);
console.log("\n## Top 10 advocates\n");
console.log(advocatesTable(result.advocates.slice(0, 10)));

const facts = await loadFacts(`${dataDir}facts.csv`);
const armed = armAdvocates(result.advocates, { platform: "twitter", text: "Ordered from @NorthwindCoffee 8 days ago and still no delivery. Late again.", topic: "shipping" }, { brand: "Northwind Coffee", facts, maxPerThread: 3 });
console.log(`\n## Armed for a late-delivery complaint on twitter: ${armed.kits.length} kits (${armed.critics} critics never armed)`);
for (const kit of armed.kits) console.log(`- ${kit.name ?? kit.customerId} (${kit.handle ?? "no handle"}): ${kit.angles.length} cited angles`);
