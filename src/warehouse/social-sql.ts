import type { ResolvedTable } from "./profile-sql-options.js";
import type { SourceQuery } from "./source-query.js";
import type { RecordFields } from "./sql-dialect.js";
import type { SqlFragments } from "./sql-fragments.js";

/**
 * Social activity: per customer, every public activity in (day, row) order (platform and type trimmed and lower
 * case, `public` true unless false, flags false and counts 0 when absent, as the schema reads them) and the number of
 * private ones, which never count as voice. A missing sentiment is computed from the text by `profileFromRow`.
 *
 * @example
 * socialQuery(new SqlFragments(DUCKDB), table).columns.map(([name]) => name); //=> ["publicSocial", "privateSocial"]
 */
export function socialQuery(sql: SqlFragments, table: ResolvedTable): SourceQuery {
  const d = sql.dialect;
  const column = (field: string): string => sql.column(table, field);
  const flag = (field: string, absent: "TRUE" | "FALSE"): string => `COALESCE(${d.cast(column(field), "boolean")}, ${absent})`;
  const count = (field: string): string => `COALESCE(${d.cast(column(field), "double")}, 0)`;
  const records = [
    `SELECT`,
    `  ${sql.customerId(table)} AS customer_id,`,
    `  ${sql.sourceRow(table)} AS source_row,`,
    `  ${d.dayNumber(column("date"))} AS event_day,`,
    `  LOWER(${sql.trimmed(column("platform"))}) AS post_platform,`,
    `  LOWER(${sql.trimmed(column("type"))}) AS post_type,`,
    `  ${flag("public", "TRUE")} AS is_public,`,
    `  ${flag("mentionsBrand", "FALSE")} AS mentions_brand,`,
    `  ${d.cast(column("sentiment"), "double")} AS given_sentiment,`,
    `  ${flag("repliesToCriticism", "FALSE")} AS replies_to_criticism,`,
    `  ${count("reach")} AS post_reach,`,
    `  ${count("engagement")} AS post_engagement,`,
    `  ${sql.text(column("text"))} AS post_text`,
    `FROM ${sql.from(table)}`,
    `WHERE ${sql.placeable(table, true)}`,
  ].join("\n");
  const post: RecordFields = [
    ["day", "event_day"],
    ["row", "source_row"],
    ["platform", "post_platform"],
    ["type", "post_type"],
    ["mentionsBrand", "mentions_brand"],
    ["sentiment", "given_sentiment"],
    ["repliesToCriticism", "replies_to_criticism"],
    ["reach", "post_reach"],
    ["engagement", "post_engagement"],
    ["text", "post_text"],
  ];
  const facts = [
    `SELECT`,
    `  customer_id,`,
    `  ${d.recordAgg(post, 2, "is_public")} AS public_posts,`,
    `  ${d.countIf("NOT is_public")} AS private_count`,
    `FROM social_records`,
    `GROUP BY customer_id`,
  ].join("\n");
  return {
    records: { name: "social_records", sql: records },
    aggregates: [{ name: "social_facts", sql: facts }],
    joins: [["social_facts", "sf"]],
    columns: [
      ["publicSocial", "sf.public_posts"],
      ["privateSocial", "COALESCE(sf.private_count, 0)"],
    ],
  };
}
