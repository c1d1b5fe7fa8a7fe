import type { ExportPreset } from "./export-preset.js";
import { fieldsOnly, rawText } from "./raw-values.js";

/*
 * WooCommerce orders, as the order export plugin documented on woocommerce.com writes them (WooCommerce itself has
 * no order CSV export; its Analytics download is a report, not orders): WooCommerce → Export → Order.
 *
 * Source: https://woocommerce.com/document/import-and-export-of-woocommerce-orders/ ("Mapping of WooCommerce
 * Orders"): one row per order, columns `order_id`, `order_number`, `order_date` and `paid_date` (format given there
 * as `MM/DD/YYYY H:i:s`, e.g. `9/6/2016 6:29:00`), `status` (e.g. processing, completed, cancelled), `order_total`,
 * `order_currency`, `customer_id`, `customer_email`, `billing_email`, …, then `line_item_1`, `line_item_2`, … for the
 * items. The same header, with `order_date` written `2026-03-04 14:22:01`, is as seen in exports handled by public
 * code; both date forms are read (the documented US form is turned into ISO here, never guessed day-first).
 * Not documented on the stored page: how a `line_item_N` cell packs an item. It is taken as `key:value` pairs
 * joined by `|` (`name:House Blend 1kg|product_id:12|quantity:1|total:24.00`), and the product is its `name:`
 * part, or the whole cell when it has none. Partial refunds (`refund_items`) are not taken off the total: that
 * cell's format is not documented either.
 *
 * `customer_id` is the store's WordPress user id (0 for guests), not a CRM id: the e-mail is the join key.
 */

const EXTRA = ["status"] as const;

/** Order statuses under which the order was never paid, or its payment fell through. */
const UNPAID = new Set(["pending", "failed", "cancelled", "checkout-draft", "draft"]);

// The plugin's documented date form, month first: 9/6/2016 6:29:00.
const US_DATE_TIME = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

const pad = (digits: string | undefined): string => (digits ?? "0").padStart(2, "0");

/** An order date in ISO form: the documented `M/D/YYYY H:i:s` turned into `YYYY-MM-DD HH:mm:ss`, anything else as written. */
function isoOrderDate(value: unknown): unknown {
  const match = US_DATE_TIME.exec(rawText(value) ?? "");
  if (match === null) return value;
  const [, month, day, year, hour, minute, second] = match;
  return `${year}-${pad(month)}-${pad(day)} ${pad(hour)}:${pad(minute)}:${pad(second)}`;
}

/** The product name in a `line_item_N` cell (`name:…|product_id:…`), or the whole cell. */
function lineItemName(value: unknown): string | undefined {
  const text = rawText(value);
  if (text === undefined) return undefined;
  const named = text.split("|").find((part) => part.startsWith("name:"));
  return named === undefined ? text : named.slice("name:".length).trim() || undefined;
}

/** WooCommerce orders (order export plugin CSV): one purchase per order, refunds marked, unpaid orders skipped. */
export const woocommerceOrders: ExportPreset = {
  name: "woocommerce-orders",
  kind: "purchases",
  title: "WooCommerce orders export (WooCommerce → Export → Order, CSV): one row per order",
  documentation: ["https://woocommerce.com/document/import-and-export-of-woocommerce-orders/"],
  columns: {
    email: ["customer_email", "billing_email"],
    orderId: ["order_number", "order_id"],
    date: ["order_date", "paid_date"],
    amount: "order_total",
    product: "line_item_1",
  },
  extraColumns: { status: "status" },
  adapt(record) {
    // Stores write the status with or without WooCommerce's internal `wc-` prefix.
    const status = rawText(record.status)?.toLowerCase().replace(/^wc-/, "");
    if (status !== undefined && UNPAID.has(status)) return { skip: "order not paid (pending, failed or cancelled)" };
    const fields = fieldsOnly(record, EXTRA);
    const product = lineItemName(record.product);
    return {
      ...fields,
      ...(record.date === undefined ? {} : { date: isoOrderDate(record.date) }),
      ...(product === undefined ? {} : { product }),
      returned: status === "refunded",
    };
  },
};
