import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { profileFromRow, profileSql, type AdvocateOptionsInput, type CustomerProfile, type ProfileSqlOptions } from "../src/index.js";
import { EDGE_RECORDS } from "./fixtures/edge-records.js";
import { cdnowPurchases, lacks } from "./fixtures/real-data.js";
import { libraryProfiles, loadDataset, readFlatCsv, SOURCES, type Dataset, type FlatRow, type Tables, type Warehouse } from "./fixtures/warehouse-duckdb.js";

/** Runs profileSql on DuckDB and decodes every row (rows as DuckDB's node client returns them: BigInt, lists, structs). */
async function warehouseProfiles(connection: Warehouse, options: ProfileSqlOptions, json = false): Promise<Map<string, CustomerProfile>> {
  const reader = await connection.runAndReadAll(profileSql(options));
  const rows = json ? reader.getRowObjectsJson() : reader.getRowObjectsJS();
  const profiles = new Map<string, CustomerProfile>();
  for (const row of rows) {
    const profile = profileFromRow(row);
    expect(profiles.has(profile.customerId), `one row per customer (${profile.customerId})`).toBe(false);
    profiles.set(profile.customerId, profile);
  }
  return profiles;
}

/** Every customer the library profiles is profiled by the SQL, deep-equal, and no other; returns how many. */
function expectSameProfiles(warehouse: ReadonlyMap<string, CustomerProfile>, library: ReadonlyMap<string, CustomerProfile>): number {
  expect([...warehouse.keys()].sort()).toEqual([...library.keys()].sort());
  for (const [id, profile] of library) expect(warehouse.get(id), id).toStrictEqual(profile);
  return library.size;
}

const sampleDir = fileURLToPath(new URL("../examples/data/", import.meta.url));
const FILE_NAMES = { customers: "customers.csv", purchases: "purchases.csv", surveys: "surveys.csv", social: "social.csv" };

describe("profileSql on DuckDB: the bundled sample (examples/data)", async () => {
  const sample: Dataset = Object.fromEntries(SOURCES.map((source) => [source, readFlatCsv(`${sampleDir}${source}.csv`)]));
  const { connection, tables } = await loadDataset(sample);
  const cited = Object.fromEntries(SOURCES.map((source) => [source, { ...tables[source], source: FILE_NAMES[source] }])) as Tables;

  it("profiles every sample customer exactly as the library does, citations included", async () => {
    const warehouse = await warehouseProfiles(connection, { dialect: "duckdb", ...cited });
    const compared = expectSameProfiles(warehouse, libraryProfiles(sample, { sourceNames: FILE_NAMES }));
    expect(compared).toBe(2_930);
    expect(warehouse.get("C0042")?.purchases.first?.ref.source).toBe("purchases.csv");
  });

  it("matches with consent required and with an explicit 'as of' and cool-down", async () => {
    const consent = await warehouseProfiles(connection, { dialect: "duckdb", ...tables, requireConsent: true });
    expect(expectSameProfiles(consent, libraryProfiles(sample, { requireConsent: true }))).toBe(89);
    const options = { asOf: "2025-06-30", cooldownDays: 400 } as const;
    const earlier = await warehouseProfiles(connection, { dialect: "duckdb", ...tables, ...options });
    expect(expectSameProfiles(earlier, libraryProfiles(sample, options))).toBeLessThan(2_930);
  });

  it("decodes the same profiles from DuckDB's JSON rows (integers as strings)", async () => {
    const warehouse = await warehouseProfiles(connection, { dialect: "duckdb", ...tables }, true);
    expect(expectSameProfiles(warehouse, libraryProfiles(sample, {}))).toBe(2_930);
  });

  it("reads renamed columns and numbers rows from an order when the table has no row column", async () => {
    await connection.run(
      `CREATE VIEW orders AS SELECT "row" AS line_no, "customerId" AS customer_id, "date" AS ordered_at, amount AS total, product, category, returned FROM purchases`,
    );
    const purchases = { table: "orders", row: { orderBy: ["line_no"] }, columns: { customerId: "customer_id", date: "ordered_at", amount: "total" } } as const;
    const warehouse = await warehouseProfiles(connection, { dialect: "duckdb", purchases });
    expect(expectSameProfiles(warehouse, libraryProfiles({ purchases: sample.purchases! }, {}))).toBeGreaterThan(2_000);
  });
});

describe.skipIf(lacks("cdnow"))("profileSql on DuckDB: real data (CDNOW master, 69,659 purchases)", () => {
  it("profiles all 23,570 customers exactly as the library does", async () => {
    const purchases = cdnowPurchases() as FlatRow[];
    const { connection, tables } = await loadDataset({ purchases }, { purchases: { date: "CAST(strptime($, '%Y%m%d') AS DATE)" } });
    const warehouse = await warehouseProfiles(connection, { dialect: "duckdb", ...tables });
    expect(expectSameProfiles(warehouse, libraryProfiles({ purchases }, {}))).toBe(23_570);
  });
});

describe("profileSql on DuckDB: duplicates, same-day orders, returns, private posts, opt-outs, consent, cool-down, weird IDs", async () => {
  const { connection, tables } = await loadDataset(EDGE_RECORDS);
  // The data holds a blank customer ID: the library skips that row in lenient mode, and the SQL drops it.
  const library = (options: AdvocateOptionsInput) => libraryProfiles(EDGE_RECORDS, { mode: "lenient", ...options });

  it("matches the library on every rule", async () => {
    const warehouse = await warehouseProfiles(connection, { dialect: "duckdb", ...tables });
    expectSameProfiles(warehouse, library({}));
    expect([...warehouse.keys()].sort()).toEqual(
      ["__proto__", "buyer-only", "constructor", "dup", "edge-90", "hasOwnProperty", "padded", "returns-only", "social-only", "survey-only", "ünï-çødé 😀"].sort(),
    );
    const proto = warehouse.get("__proto__")!;
    expect(proto.purchases.daySpend[0]).toBe(0.1 + 0.2 + 0.3);
    expect(proto.purchases.products.map((item) => item.name)).toEqual(["Beans", "Mug", "😀 emoji", "\uFF5E tilde"]);
    expect(warehouse.get("dup")?.name).toBe("First");
    expect(warehouse.get("dup")?.handles).toEqual([["twitter", "@first"]]);
    expect(warehouse.get("social-only")?.social.privateCount).toBe(3);
  });

  it("matches with consent required, a custom cool-down and 'as of', and custom topics", async () => {
    // Only __proto__ is left: dup's rows disagree (a "no" wins), and with consent required only consented customers'
    // records set "as of" (2024-05-04), which puts edge-90's invitation inside the cool-down.
    expect(expectSameProfiles(await warehouseProfiles(connection, { dialect: "duckdb", ...tables, requireConsent: true }), library({ requireConsent: true }))).toBe(1);
    const options = { asOf: "2024-05-01", cooldownDays: 0 } as const;
    expectSameProfiles(await warehouseProfiles(connection, { dialect: "duckdb", ...tables, ...options }), library(options));
    const topics = { beans: ["bean"], delivery: ["shipping", "delivery"] };
    const reader = await connection.runAndReadAll(profileSql({ dialect: "duckdb", ...tables }));
    const rows = reader.getRowObjectsJS();
    const expected = library({ topics });
    for (const row of rows) expect(profileFromRow(row, { topics })).toStrictEqual(expected.get(String(row.customerId)));
  });
});

describe("profileSql on DuckDB: generated data", () => {
  const ids = fc.constantFrom("a", "b", "__proto__", "constructor", "ü😀", " padded ");
  const day = fc.integer({ min: 0, max: 40 }).map((offset) => new Date(Date.UTC(2024, 0, 1) + offset * 86_400_000 + (offset % 3) * 12 * 3_600_000).toISOString());
  const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
  const bool = maybe(fc.constantFrom("true", "false", "yes", "no"));
  // Optional fields are generated as undefined and left out of the row, as an empty CSV cell is.
  const rows = <T extends Record<string, fc.Arbitrary<unknown>>>(shape: T, max: number) =>
    fc.array(fc.record(shape), { maxLength: max }).map((records) =>
      records.map((record) => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as FlatRow),
    );
  const dataset = fc.record({
    customers: rows({ customerId: ids, name: maybe(fc.constantFrom("Ann", "Bo", " ")), optedOut: maybe(fc.constantFrom("true", "false", "false")), consent: bool, lastInvitedAt: maybe(day), "handles.twitter": maybe(fc.constantFrom("@a", "@b")) }, 6),
    purchases: rows({ customerId: ids, date: day, amount: fc.constantFrom("0.1", "0.2", "0.3", "19.99", "5", "0"), product: maybe(fc.constantFrom("Beans", "beans", "Mug", "😀")), category: maybe(fc.constantFrom("coffee", "merch")), returned: bool }, 25),
    surveys: rows({ customerId: ids, date: day, nps: maybe(fc.integer({ min: 0, max: 10 }).map(String)), "answers.love": maybe(fc.constantFrom("1", "3", "5")), comment: maybe(fc.constantFrom("love the beans", "shipping is slow", "ok")) }, 8),
    social: rows({ customerId: ids, date: day, platform: fc.constantFrom("twitter", " Reddit"), type: fc.constantFrom("post", "reply", "Review"), public: bool, mentionsBrand: bool, text: maybe(fc.constantFrom("great coffee", "awful support")), sentiment: maybe(fc.constantFrom("0.5", "-1")) }, 8),
  });

  it("profiles any data set exactly as the library does", async () => {
    await fc.assert(
      fc.asyncProperty(dataset, fc.boolean(), async (records, requireConsent) => {
        const withColumns: Dataset = Object.fromEntries(Object.entries(records).filter(([, list]) => list.length > 0));
        if (Object.keys(withColumns).length === 0) return;
        const { connection, tables } = await loadDataset(withColumns);
        const hasDates = withColumns.purchases !== undefined || withColumns.surveys !== undefined || withColumns.social !== undefined;
        const options = hasDates ? { requireConsent } : { requireConsent, asOf: "2024-03-01" };
        const warehouse = await warehouseProfiles(connection, { dialect: "duckdb", ...tables, ...options });
        let library: ReadonlyMap<string, CustomerProfile>;
        try {
          library = libraryProfiles(withColumns, options);
        } catch (error) {
          // Every dated record belongs to an excluded customer: the library has no "as of" and says so; the SQL
          // (whose "as of" is then NULL) profiles at most customers with no dated record.
          expect(String(error)).toContain("no 'as of' day");
          for (const profile of warehouse.values()) expect(profile.purchases.orders + profile.surveys.length + profile.social.public.length + profile.social.privateCount).toBe(0);
          connection.closeSync();
          return;
        }
        expectSameProfiles(warehouse, library);
        connection.closeSync();
      }),
      { numRuns: 40 },
    );
  });
});
