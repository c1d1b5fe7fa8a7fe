import type { ResolvedTable } from "./profile-sql-options.js";
import type { SourceQuery } from "./source-query.js";
import type { SqlFragments } from "./sql-fragments.js";

/**
 * Customers (the CRM export): per customer, whether any record opted out, gave consent or was invited within the
 * cool-down (`as_of` must be defined before `customer_facts`), and the CRM fields of the first record by row —
 * name, handles (platform → handle pairs from the `handles` columns, sorted by platform), consent and the day of
 * the last invitation — as the library takes them from the first of duplicate records.
 *
 * @example
 * customerQuery(new SqlFragments(DUCKDB), table, 90).columns.map(([name]) => name); //=> ["name", "handles", "consent", "lastInvitedDay"]
 */
export function customerQuery(sql: SqlFragments, table: ResolvedTable, cooldownDays: number): SourceQuery {
  const d = sql.dialect;
  const handles = table.keyed.map(([platform, column]) => d.record([["platform", d.string(platform)], ["handle", sql.trimmed(d.identifier(column))]]));
  const records = [
    `SELECT`,
    `  ${sql.customerId(table)} AS customer_id,`,
    `  ${sql.sourceRow(table)} AS source_row,`,
    `  ${sql.text(sql.column(table, "name"))} AS crm_name,`,
    `  ${d.cast(sql.column(table, "optedOut"), "boolean")} AS opted_out,`,
    `  ${d.cast(sql.column(table, "consent"), "boolean")} AS crm_consent,`,
    `  ${d.dayNumber(sql.column(table, "lastInvitedAt"))} AS invited_day${handles.length > 0 ? "," : ""}`,
    ...(handles.length > 0 ? [`  ${d.array(handles)} AS handle_list`] : []),
    `FROM ${sql.from(table)}`,
    `WHERE ${sql.placeable(table, false)}`,
  ].join("\n");
  const first = d.record([
    ["name", "c.crm_name"],
    ["consent", "c.crm_consent"],
    ["invitedDay", "c.invited_day"],
    ...(handles.length > 0 ? ([["handles", "c.handle_list"]] as const) : []),
  ]);
  // Consent holds when some row gives it and none refuses it (a "no" wins a contradiction, as in the library).
  const consent = [
    `SELECT`,
    `  c.customer_id,`,
    `  ${d.anyTrue("c.opted_out")} AS opted_out,`,
    `  ${d.anyTrue("c.crm_consent")} AND NOT ${d.anyTrue("NOT c.crm_consent")} AS consented`,
    `FROM customer_records AS c`,
    `GROUP BY c.customer_id`,
  ].join("\n");
  const facts = [
    `SELECT`,
    `  c.customer_id,`,
    `  ${d.anyTrue("k.opted_out")} AS opted_out,`,
    `  ${d.anyTrue("k.consented")} AS consented,`,
    `  ${d.anyTrue(`a.day - c.invited_day < ${cooldownDays}`)} AS recently_invited,`,
    `  ${d.valueAtMin(first, "c.source_row")} AS first_record`,
    `FROM customer_records AS c CROSS JOIN as_of AS a JOIN consent_facts AS k ON k.customer_id = c.customer_id`,
    `GROUP BY c.customer_id`,
  ].join("\n");
  return {
    records: { name: "customer_records", sql: records },
    beforeAsOf: [{ name: "consent_facts", sql: consent }],
    aggregates: [{ name: "customer_facts", sql: facts }],
    joins: [["customer_facts", "cf"]],
    columns: [
      ["name", d.field("cf.first_record", "name", "text")],
      // Without handle columns the column is left out (profileFromRow reads a missing list as empty).
      ...(handles.length > 0 ? ([["handles", d.field("cf.first_record", "handles", "list")]] as const) : []),
      ["consent", d.field("cf.first_record", "consent", "boolean")],
      ["lastInvitedDay", d.field("cf.first_record", "invitedDay", "integer")],
    ],
  };
}
