import type { ResolvedTable } from "./profile-sql-options.js";
import type { SourceQuery } from "./source-query.js";
import type { RecordFields } from "./sql-dialect.js";
import type { SqlFragments } from "./sql-fragments.js";

/**
 * Purchases: per customer, the kept orders, the returned ones (only counted), every kept purchase's row, day and
 * amount in source-row order (`spends`: `profileFromRow` sums them in that order, so money adds up to the last bit
 * as in the library), the first and latest kept purchase by (day, row), and products and categories with their counts and
 * latest citation.
 *
 * @example
 * purchaseQuery(new SqlFragments(DUCKDB), table).columns.map(([name]) => name); //=> ["orders", "returned", "spends", …]
 */
export function purchaseQuery(sql: SqlFragments, table: ResolvedTable): SourceQuery {
  const d = sql.dialect;
  const records = [
    `SELECT`,
    `  ${sql.customerId(table)} AS customer_id,`,
    `  ${sql.sourceRow(table)} AS source_row,`,
    `  ${d.dayNumber(sql.column(table, "date"))} AS event_day,`,
    `  ${d.cast(sql.column(table, "amount"), "double")} AS spend_amount,`,
    `  ${sql.text(sql.column(table, "product"))} AS product_name,`,
    `  ${sql.text(sql.column(table, "category"))} AS category_name,`,
    `  COALESCE(${d.cast(sql.column(table, "returned"), "boolean")}, FALSE) AS is_returned`,
    `FROM ${sql.from(table)}`,
    `WHERE ${sql.placeable(table, true)}`,
  ].join("\n");
  const key = sql.citationKey("event_day", "source_row");
  const facts = [
    `SELECT`,
    `  customer_id,`,
    `  ${d.countIf("NOT is_returned")} AS order_count,`,
    `  ${d.countIf("is_returned")} AS returned_count,`,
    `  ${d.recordAgg([["row", "source_row"], ["day", "event_day"], ["amount", "spend_amount"]], 1, "NOT is_returned")} AS spends,`,
    `  MIN(CASE WHEN NOT is_returned THEN ${key} END) AS first_key,`,
    `  MAX(CASE WHEN NOT is_returned THEN ${key} END) AS last_key`,
    `FROM purchase_records`,
    `GROUP BY customer_id`,
  ].join("\n");
  // One pass over the kept purchases gives both item kinds: each row is read once as its product and once as its category.
  const items = [
    `SELECT`,
    `  customer_id,`,
    `  item_kind,`,
    `  CASE WHEN item_kind = 'product' THEN product_name ELSE category_name END AS item_name,`,
    `  ${key} AS citation_key`,
    `FROM purchase_records CROSS JOIN ${d.constantRows("item_kind", ["product", "category"])}`,
    `WHERE NOT is_returned`,
  ].join("\n");
  const itemFacts = [
    `SELECT customer_id, item_kind, item_name, COUNT(*) AS item_count, MAX(citation_key) AS last_key`,
    `FROM purchase_items`,
    `WHERE item_name IS NOT NULL`,
    `GROUP BY customer_id, item_kind, item_name`,
  ].join("\n");
  const item: RecordFields = [
    ["name", "item_name"],
    ["count", "item_count"],
    ["last", sql.citation("last_key")],
  ];
  const itemLists = [
    `SELECT`,
    `  customer_id,`,
    `  ${d.recordAgg(item, 1, "item_kind = 'product'")} AS products,`,
    `  ${d.recordAgg(item, 1, "item_kind = 'category'")} AS categories`,
    `FROM item_facts`,
    `GROUP BY customer_id`,
  ].join("\n");
  return {
    records: { name: "purchase_records", sql: records },
    aggregates: [
      { name: "purchase_facts", sql: facts },
      { name: "purchase_items", sql: items },
      { name: "item_facts", sql: itemFacts },
      { name: "item_lists", sql: itemLists },
    ],
    joins: [
      ["purchase_facts", "pf"],
      ["item_lists", "il"],
    ],
    columns: [
      ["orders", "COALESCE(pf.order_count, 0)"],
      ["returned", "COALESCE(pf.returned_count, 0)"],
      ["spends", "pf.spends"],
      ["firstPurchase", sql.citation("pf.first_key")],
      ["lastPurchase", sql.citation("pf.last_key")],
      ["products", "il.products"],
      ["categories", "il.categories"],
    ],
  };
}
