import { BIGQUERY } from "./bigquery-dialect.js";
import { customerQuery } from "./customer-sql.js";
import { DUCKDB } from "./duckdb-dialect.js";
import { resolveProfileSqlOptions, type ProfileSqlOptions, type ResolvedProfileSqlOptions } from "./profile-sql-options.js";
import { purchaseQuery } from "./purchase-sql.js";
import { SNOWFLAKE } from "./snowflake-dialect.js";
import { socialQuery } from "./social-sql.js";
import type { SourceQuery } from "./source-query.js";
import type { SqlDialect, WarehouseDialect } from "./sql-dialect.js";
import { SqlFragments, type Cte } from "./sql-fragments.js";
import { surveyQuery } from "./survey-sql.js";

const DIALECTS: Readonly<Record<WarehouseDialect, SqlDialect>> = { duckdb: DUCKDB, bigquery: BIGQUERY, snowflake: SNOWFLAKE };

/**
 * "As of": the given day, or the latest event day over the dated records (returns and private posts included) of
 * customers who may be profiled: an opted-out customer's records — or, with consent required, a customer's without
 * consent — move nothing, as in the library.
 */
function asOfCte(resolved: ResolvedProfileSqlOptions, dated: readonly string[], dialect: SqlDialect, hasCustomers: boolean): Cte {
  if (resolved.asOfDay !== undefined) return { name: "as_of", sql: `SELECT ${dialect.cast(String(resolved.asOfDay), "integer")} AS day` };
  if (dated.length === 0) return { name: "as_of", sql: `SELECT ${dialect.cast("NULL", "integer")} AS day` };
  const counted = !hasCustomers
    ? resolved.requireConsent
      ? " WHERE FALSE"
      : ""
    : resolved.requireConsent
      ? " WHERE customer_id IN (SELECT customer_id FROM consent_facts WHERE NOT opted_out AND consented)"
      : " WHERE customer_id NOT IN (SELECT customer_id FROM consent_facts WHERE opted_out)";
  const latest = dated.map((records) => `SELECT MAX(event_day) AS day FROM ${records}${counted}`).join("\n  UNION ALL\n  ");
  return { name: "as_of", sql: `SELECT MAX(day) AS day\nFROM (\n  ${latest}\n) AS latest_days` };
}

/** The customers to profile: every ID in any source, less opt-outs, missing consent (when required) and the cool-down. */
function profiledCte(resolved: ResolvedProfileSqlOptions, hasCustomers: boolean): Cte {
  if (!hasCustomers) return { name: "profiled", sql: `SELECT customer_id FROM customer_ids${resolved.requireConsent ? "\nWHERE FALSE" : ""}` };
  const conditions = ["NOT COALESCE(f.opted_out, FALSE)", ...(resolved.requireConsent ? ["COALESCE(f.consented, FALSE)"] : []), "NOT COALESCE(f.recently_invited, FALSE)"];
  return {
    name: "profiled",
    sql: [`SELECT i.customer_id`, `FROM customer_ids AS i`, `LEFT JOIN customer_facts AS f ON f.customer_id = i.customer_id`, `WHERE ${conditions.join("\n  AND ")}`].join("\n"),
  };
}

/**
 * Writes the SQL that profiles every customer in the warehouse: one row per profiled customer holding what the
 * library's `CustomerProfile` holds, computed where the data lives. Each source is read once into normalised
 * records and aggregated per customer (GROUP BY, no correlated subquery); the per-customer aggregates are then
 * joined to the customers left after opt-out, consent (`requireConsent`) and the invitation cool-down. Turn each
 * returned row into a profile with `profileFromRow`, which also computes what SQL cannot (comment sentiment and
 * themes, the sentiment of posts that carry none).
 *
 * Tables are inserted as written; columns default to the field names (`customerId`, `date`, …) and are quoted, so
 * their case must match. Each record's citation row comes from a `row` column (or `row: { orderBy }`), and its source
 * name from `source` (default `customers`, `purchases`, `surveys`, `social`, as the library's `sourceNames`).
 *
 * @throws {RangeError} on invalid options (unknown field, empty table name, …).
 * @example
 * const sql = profileSql({
 *   dialect: "bigquery",
 *   customers: { table: "`shop.crm.customers`", handles: ["twitter", "reddit"] },
 *   purchases: { table: "`shop.sales.orders`", columns: { customerId: "customer_id", date: "ordered_at" } },
 *   surveys: { table: "`shop.cx.surveys`", answers: ["affective", "love"] },
 * });
 * // run it, then: profileFromRow(row) for each row → the CustomerProfile the library would build
 */
export function profileSql(options: ProfileSqlOptions): string {
  const resolved = resolveProfileSqlOptions(options);
  const dialect = DIALECTS[resolved.dialect];
  const sql = new SqlFragments(dialect);
  const { customers, purchases, surveys, social } = resolved.tables;
  const sources: SourceQuery[] = [
    ...(customers ? [customerQuery(sql, customers, resolved.cooldownDays)] : []),
    ...(purchases ? [purchaseQuery(sql, purchases)] : []),
    ...(surveys ? [surveyQuery(sql, surveys)] : []),
    ...(social ? [socialQuery(sql, social)] : []),
  ];
  if (sources.length === 0) throw new RangeError("profileSql: pass at least one table (customers, purchases, surveys or social)");
  const dated = sources.map((source) => source.records.name).filter((name) => name !== "customer_records");
  // DISTINCT as well as UNION DISTINCT: with a single source there is no union to remove duplicates.
  const ids = sources.map((source) => `SELECT DISTINCT customer_id FROM ${source.records.name}`).join(`\n${dialect.unionDistinct}\n`);
  const ctes: Cte[] = [
    ...sources.map((source) => source.records),
    ...sources.flatMap((source) => source.beforeAsOf ?? []),
    asOfCte(resolved, dated, dialect, customers !== undefined),
    { name: "customer_ids", sql: ids },
    ...sources.flatMap((source) => source.aggregates),
    profiledCte(resolved, customers !== undefined),
  ];
  const names = Object.entries(resolved.tables).map(([source, table]) => [source, dialect.string(table.source)] as const);
  const columns: Array<readonly [string, string]> = [
    ["customerId", "p.customer_id"],
    ["asOfDay", "a.day"],
    ["sources", dialect.record(names)],
    ...sources.flatMap((source) => source.columns),
  ];
  const joins = sources.flatMap((source) => source.joins).map(([cte, alias]) => `LEFT JOIN ${cte} AS ${alias} ON ${alias}.customer_id = p.customer_id`);
  const select = [
    `SELECT`,
    columns.map(([name, expression]) => `  ${expression} AS ${dialect.identifier(name)}`).join(",\n"),
    `FROM profiled AS p`,
    `CROSS JOIN as_of AS a`,
    ...joins,
    ...(resolved.ordered ? [`ORDER BY p.customer_id`] : []),
  ].join("\n");
  const header = [
    `-- brand-advocates customer profiles (${dialect.name}): one row per profiled customer.`,
    `-- Generated by profileSql(); turn each row into a CustomerProfile with profileFromRow().`,
  ].join("\n");
  return `${header}\n${SqlFragments.with(ctes)}\n${select}\n`;
}
