import { parse } from "sql-parser-cst";
import { describe, expect, it } from "vitest";
import { profileSql, WAREHOUSE_DIALECTS, type ProfileSqlOptions, type WarehouseDialect } from "../src/index.js";

/** A warehouse as users have them: mapped and missing columns, a table without row numbers, handles and answers. */
function options(dialect: WarehouseDialect): ProfileSqlOptions {
  const table = (name: string) => (dialect === "bigquery" ? `\`shop.crm.${name}\`` : dialect === "snowflake" ? `SHOP.CRM.${name.toUpperCase()}` : `crm.${name}`);
  return {
    dialect,
    customers: { table: table("customers"), source: "customers.csv", handles: ["twitter", "reddit"], columns: { customerId: "customer_id", optedOut: "opted_out" } },
    purchases: { table: table("orders"), source: "orders.csv", row: "line_no", columns: { date: "ordered_at", product: null } },
    surveys: { table: table("surveys"), answers: { affective: "q_affective", love: "q_love" } },
    social: { table: table("posts"), row: { orderBy: ["posted_at", "post_id"] } },
  };
}

describe("profileSql for BigQuery, Snowflake and DuckDB", () => {
  for (const dialect of WAREHOUSE_DIALECTS) {
    it(`writes the ${dialect} query (pinned)`, async () => {
      const sql = profileSql(options(dialect));
      expect(profileSql(options(dialect))).toBe(sql);
      await expect(sql).toMatchFileSnapshot(`__snapshots__/profile-sql.${dialect}.sql`);
    });

    it(`reads each ${dialect} table once, aggregates per customer and never nests a query per row`, () => {
      const sql = profileSql(options(dialect));
      for (const table of ["customers", "orders", "surveys", "posts"]) {
        expect(sql.toLowerCase().split(`crm.${table}`).length - 1, table).toBe(1);
      }
      // Every aggregate step groups by customer; no SELECT appears inside a select list or a WHERE (correlated).
      expect(sql.match(/GROUP BY (c\.)?customer_id/g)?.length).toBe(7);
      expect(sql).not.toMatch(/\(\s*SELECT[^)]*\bWHERE\b[^)]*\bcustomer_id\s*=/i);
    });
  }

  it("writes BigQuery that a GoogleSQL parser accepts, and DuckDB/Snowflake constructs it would reject are absent", () => {
    const sql = profileSql(options("bigquery"));
    expect(() => parse(sql, { dialect: "bigquery" })).not.toThrow();
    expect(sql).not.toMatch(/FILTER \(WHERE|WITHIN GROUP|OBJECT_CONSTRUCT|\{'|"customerId"/);
    expect(() => parse(profileSql(options("duckdb")), { dialect: "bigquery" })).toThrow();
  });

  it("uses each warehouse's own spelling of records, ordered aggregates and days", () => {
    const bigquery = profileSql(options("bigquery"));
    expect(bigquery).toContain("ARRAY_AGG(IF(NOT is_returned, STRUCT(source_row AS `row`, event_day AS `day`, spend_amount AS `amount`), NULL) IGNORE NULLS ORDER BY source_row)");
    expect(bigquery).toContain("UNIX_DATE(CAST(`ordered_at` AS DATE))");
    expect(bigquery).toContain("UNION DISTINCT");
    const snowflake = profileSql(options("snowflake"));
    expect(snowflake).toContain("ARRAY_AGG(CASE WHEN NOT is_returned THEN OBJECT_CONSTRUCT('row', source_row, 'day', event_day, 'amount', spend_amount) END) WITHIN GROUP (ORDER BY source_row)");
    expect(snowflake).toContain("WITHIN GROUP (ORDER BY event_day, source_row) AS surveys");
    // DuckDB sorts after aggregating: the records lead with their order keys.
    const duckdb = profileSql(options("duckdb"));
    expect(duckdb).toContain("list_sort(list({'day': event_day, 'row': source_row, 'nps': nps_answer");
    expect(snowflake).toContain(`DATEDIFF(day, DATE '1970-01-01', CAST("ordered_at" AS DATE))`);
    expect(snowflake).toContain(`MIN_BY(OBJECT_CONSTRUCT(`);
    expect(snowflake).not.toContain("UNION DISTINCT");
  });

  it("escapes names and source labels for each warehouse", () => {
    const tricky = { table: "t", source: `it's a \\ "file".csv`, columns: { customerId: 'cust"id`' } } as const;
    expect(profileSql({ dialect: "duckdb", purchases: tricky })).toContain(`'it''s a \\ "file".csv'`);
    expect(profileSql({ dialect: "snowflake", purchases: tricky })).toContain(`'it''s a \\\\ "file".csv'`);
    expect(profileSql({ dialect: "bigquery", purchases: tricky })).toContain(`"it's a \\\\ \\"file\\".csv"`);
    expect(profileSql({ dialect: "duckdb", purchases: tricky })).toContain(`"cust""id\`"`);
    expect(profileSql({ dialect: "bigquery", purchases: tricky })).toContain("`cust\"id\\``");
    expect(() => parse(profileSql({ dialect: "bigquery", purchases: tricky }), { dialect: "bigquery" })).not.toThrow();
  });

  it("refuses options it cannot honour, naming them", () => {
    expect(() => profileSql({ dialect: "duckdb" })).toThrow(/at least one table/);
    expect(() => profileSql({ dialect: "oracle" as WarehouseDialect, purchases: { table: "p" } })).toThrow(/option dialect/);
    expect(() => profileSql({ dialect: "duckdb", purchases: { table: " " } })).toThrow(/option purchases.table/);
    expect(() => profileSql({ dialect: "duckdb", purchases: { table: "p", columns: { amount: null } } })).toThrow(/cannot be null/);
    expect(() => profileSql({ dialect: "duckdb", purchases: { table: "p", columns: { price: "x" } as never } })).toThrow(/option purchases.columns/);
    expect(() => profileSql({ dialect: "duckdb", surveys: { table: "s", answers: ["love", "love"] } })).toThrow(/distinct/);
    expect(() => profileSql({ dialect: "duckdb", customers: { table: "c", handles: JSON.parse('{"__proto__": "x"}') } })).toThrow(/__proto__/);
    expect(() => profileSql({ dialect: "duckdb", purchases: { table: "p" }, cooldownDays: -1 })).toThrow(/option cooldownDays/);
  });
});
