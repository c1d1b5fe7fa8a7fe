import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { backtest, loadData } from "../src/index.js";
import { archetypeData } from "./fixtures/archetypes.js";

const dataDir = fileURLToPath(new URL("../examples/data/", import.meta.url));

describe("backtest", async () => {
  const { data } = await loadData({
    customers: `${dataDir}customers.csv`,
    purchases: `${dataDir}purchases.csv`,
    surveys: `${dataDir}surveys.csv`,
    social: `${dataDir}social.csv`,
  });
  const result = backtest(data, { splitDate: "2025-12-31", k: 50 });

  it("ranks from data before the split and reads outcomes after it", () => {
    expect(result).toMatchObject({ splitDate: "2025-12-31", endDate: "2026-06-30", k: 50 });
    expect(result.customers).toBeGreaterThan(2_000);
    expect(result.positives).toBeGreaterThan(20);
    expect(result.baseRate).toBeCloseTo(result.positives / result.customers, 4);
  });

  it("beats a random pick and an NPS-only pick on the bundled sample", () => {
    expect(result.liftOverRandom!).toBeGreaterThan(1);
    expect(result.advocateRanking.precisionAtK).toBeGreaterThan(result.npsRanking.precisionAtK);
    expect(result.liftOverNps!).toBeGreaterThan(1);
  });

  it("is deterministic and refuses a split at or after the end of the data", () => {
    expect(JSON.stringify(backtest(data, { splitDate: "2025-12-31", k: 50 }))).toBe(JSON.stringify(result));
    expect(() => backtest(data, { splitDate: "2026-06-30" })).toThrow(/must be before the last event/);
    expect(() => backtest(data, { splitDate: "soon" })).toThrow(/option splitDate: expected a date/);
  });

  it("reports no lift (rather than NaN or Infinity) when nobody speaks up after the split", () => {
    const fixture = archetypeData();
    fixture.social = fixture.social.filter((row) => String(row.date) <= "2026-06-01");
    fixture.purchases.push({ customerId: "late", date: "2026-06-30", amount: 5 });
    const quiet = backtest(fixture, { splitDate: "2026-06-01", k: 10 });
    expect(quiet.positives).toBe(0);
    expect(quiet.liftOverRandom).toBeUndefined();
    expect(quiet.liftOverNps).toBeUndefined();
  });
});
