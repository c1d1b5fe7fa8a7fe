/**
 * Quickstart: rank the bundled sample customers and print the top five with their reasons.
 *
 *   npx tsx examples/quickstart.ts
 *   node --loader ts-node/esm examples/quickstart.ts      (ts-node in an ESM project on Node 20)
 */
import { fileURLToPath } from "node:url";
import { advocatesTable, identifyAdvocates, loadData } from "brand-advocates";

const dataDir = fileURLToPath(new URL("./data/", import.meta.url));

const { data, sourceNames } = await loadData({
  customers: `${dataDir}customers.csv`,
  purchases: `${dataDir}purchases.csv`,
  surveys: `${dataDir}surveys.csv`,
  social: `${dataDir}social.csv`,
});

const result = identifyAdvocates(data, { sourceNames, top: 5 });
console.log(`As of ${result.asOf}: ${result.scored} customers scored; excluded ${JSON.stringify(result.excluded)}`);
console.log(advocatesTable(result.advocates));
