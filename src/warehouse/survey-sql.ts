import type { ResolvedTable } from "./profile-sql-options.js";
import type { SourceQuery } from "./source-query.js";
import type { RecordFields } from "./sql-dialect.js";
import type { SqlFragments } from "./sql-fragments.js";

/**
 * Surveys: per customer, every response in (day, row) order with its NPS, CSAT, scale answers (item → value pairs
 * from the `answers` columns, sorted by item; blank answers left out by `profileFromRow`) and comment. The comment's
 * sentiment and themes are computed by `profileFromRow` with the library's own text analysis.
 *
 * @example
 * surveyQuery(new SqlFragments(DUCKDB), table).columns; //=> [["surveys", "sl.surveys"]]
 */
export function surveyQuery(sql: SqlFragments, table: ResolvedTable): SourceQuery {
  const d = sql.dialect;
  const answers = table.keyed.map(([item, column]) => d.record([["item", d.string(item)], ["value", d.cast(d.identifier(column), "double")]]));
  const records = [
    `SELECT`,
    `  ${sql.customerId(table)} AS customer_id,`,
    `  ${sql.sourceRow(table)} AS source_row,`,
    `  ${d.dayNumber(sql.column(table, "date"))} AS event_day,`,
    `  ${d.cast(sql.column(table, "nps"), "integer")} AS nps_answer,`,
    `  ${d.cast(sql.column(table, "csat"), "double")} AS csat_answer,`,
    ...(answers.length > 0 ? [`  ${d.array(answers)} AS answer_list,`] : []),
    `  ${sql.text(sql.column(table, "comment"))} AS comment_text`,
    `FROM ${sql.from(table)}`,
    `WHERE ${sql.placeable(table, true)}`,
  ].join("\n");
  const response: RecordFields = [
    ["day", "event_day"],
    ["row", "source_row"],
    ["nps", "nps_answer"],
    ["csat", "csat_answer"],
    ...(answers.length > 0 ? ([["answers", "answer_list"]] as const) : []),
    ["comment", "comment_text"],
  ];
  const lists = [`SELECT customer_id, ${d.recordAgg(response, 2)} AS surveys`, `FROM survey_records`, `GROUP BY customer_id`].join("\n");
  return {
    records: { name: "survey_records", sql: records },
    aggregates: [{ name: "survey_lists", sql: lists }],
    joins: [["survey_lists", "sl"]],
    columns: [["surveys", "sl.surveys"]],
  };
}
