import { describe, expect, it } from "vitest";
import { profileFromRow, profileSql, type ProfileRow } from "../src/index.js";
import { EDGE_RECORDS } from "./fixtures/edge-records.js";
import { libraryProfiles, loadDataset } from "./fixtures/warehouse-duckdb.js";

/** Rewrites every value of a row, nested lists and records included. */
function mapValues(value: unknown, map: (value: unknown) => unknown): unknown {
  if (Array.isArray(value)) return value.map((element) => mapValues(element, map));
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, mapValues(field, map)]));
  return map(value);
}

/** Leaves out NULL fields at every level, as Snowflake's OBJECT_CONSTRUCT does. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== null).map(([key, field]) => [key, withoutNulls(field)]));
  }
  return value;
}

describe("profileFromRow reads rows as each warehouse client returns them", async () => {
  const { connection, tables } = await loadDataset(EDGE_RECORDS);
  const rows = (await connection.runAndReadAll(profileSql({ dialect: "duckdb", ...tables }))).getRowObjectsJS();
  const expected = libraryProfiles(EDGE_RECORDS, { mode: "lenient" });
  const id = (row: ProfileRow) => String(row.customerId);

  it("BigQuery's wrapped integers ({ value: '42' }) and plain numbers", () => {
    for (const row of rows) {
      const wrapped = mapValues(row, (value) => (typeof value === "bigint" ? { value: String(value) } : value)) as ProfileRow;
      const numbers = mapValues(row, (value) => (typeof value === "bigint" ? Number(value) : value)) as ProfileRow;
      expect(profileFromRow(wrapped), id(row)).toStrictEqual(expected.get(id(row)));
      expect(profileFromRow(numbers), id(row)).toStrictEqual(expected.get(id(row)));
    }
  });

  it("Snowflake's objects without NULL keys, and nested columns handed over as JSON text", () => {
    for (const row of rows) {
      const plain = mapValues(row, (value) => (typeof value === "bigint" ? Number(value) : value)) as Record<string, unknown>;
      const variant = withoutNulls(plain) as Record<string, unknown>;
      const text = Object.fromEntries(Object.entries(variant).map(([key, value]) => [key, typeof value === "object" ? JSON.stringify(value) : value]));
      expect(profileFromRow(variant), id(row)).toStrictEqual(expected.get(id(row)));
      expect(profileFromRow(text), id(row)).toStrictEqual(expected.get(id(row)));
    }
  });

  it("refuses malformed rows, naming the field, so no NaN or made-up value reaches a profile", () => {
    const row = rows.find((candidate) => candidate.customerId === "__proto__")!;
    const spends = row.spends as Array<Record<string, unknown>>;
    const posts = row.publicSocial as Array<Record<string, unknown>>;
    expect(() => profileFromRow({ ...row, customerId: null })).toThrow(/customerId is missing/);
    expect(() => profileFromRow({ ...row, spends: [{ ...spends[0], amount: "twelve" }, ...spends.slice(1)] })).toThrow(/spends\[0\]\.amount should be a finite number/);
    expect(() => profileFromRow({ ...row, spends: [{ ...spends[0], amount: Number.NaN }, ...spends.slice(1)] })).toThrow(TypeError);
    expect(() => profileFromRow({ ...row, spends: spends.slice(1) })).toThrow(/orders \(6\) should equal the number of spends \(5\)/);
    expect(() => profileFromRow({ ...row, publicSocial: [{ ...posts[0], type: "tweet" }] })).toThrow(/publicSocial\[0\]\.type should be one of/);
    expect(() => profileFromRow({ ...row, lastInvitedDay: 1.5 })).toThrow(/lastInvitedDay should be an integer/);
    expect(() => profileFromRow({ ...row, surveys: "not json" })).toThrow(/surveys should be a list/);
  });
});
