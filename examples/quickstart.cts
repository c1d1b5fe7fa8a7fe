/**
 * Quickstart from CommonJS: the same job through `require`, for CRM integrations that are not ESM yet.
 *
 *   npx tsx examples/quickstart.cts
 */
import path = require("node:path");
import advocates = require("brand-advocates");

async function main(): Promise<void> {
  const dataDir = path.join(__dirname, "data");
  const { data, sourceNames } = await advocates.loadData({
    customers: path.join(dataDir, "customers.csv"),
    purchases: path.join(dataDir, "purchases.csv"),
    surveys: path.join(dataDir, "surveys.csv"),
    social: path.join(dataDir, "social.csv"),
  });
  const result = advocates.identifyAdvocates(data, { sourceNames, top: 3 });
  for (const advocate of result.advocates) {
    console.log(`${advocate.rank}. ${advocate.customerId} ${advocate.score.toFixed(3)} ${advocate.segment}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
