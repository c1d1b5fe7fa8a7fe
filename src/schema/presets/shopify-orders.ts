import type { ExportPreset } from "./export-preset.js";
import { fieldsOnly, plainNumber, rawText, toCents } from "./raw-values.js";

/*
 * Shopify admin → Orders → Export (CSV for Excel, Numbers or other spreadsheet programs / Plain CSV file).
 *
 * Sources (the stored copy of Shopify's own "Exporting orders" help page could not be found; these describe the
 * same file):
 * - https://docs.xbp.app/docs/development/integrations/shopify/order-format — "Shopify's Orders export CSV outputs
 *   one row per line item"; order-level fields (financial status, totals, discount code, shipping method, addresses)
 *   are on the first line-item row of an order and "may be blank on subsequent rows"; rows are grouped by the
 *   `Name` column (`#128520`); its example row shows dates as `2025-10-07 09:50:26 +0200`.
 * - https://matrixify.app/documentation/orders/ and https://www.webtoffee.com/shopify-orders-available-columns-for-export-and-import/
 *   — the order columns (`Name`, `Financial Status` values pending, authorized, partially_paid, paid,
 *   partially_refunded, refunded, voided).
 * Column spelling (`Paid at`, `Created at`, `Lineitem name`, `Refunded Amount`, `Accepts Marketing`, …): not on a
 * stored Shopify page; as seen in the header of exports handled by public code, which matches the example row above.
 *
 * Counting rule (row-local, chunks are read on different threads): an order is one purchase, read from its first
 * row, the one that carries the order-level `Financial Status` and `Total`. A row with both blank is a line-item
 * continuation row of an order already counted: it is skipped with a stated reason, so it is counted in the report,
 * never silently. The purchase's `product` is the first line item's name (the other items are on rows no adapter
 * can combine without state).
 */

const EXTRA = ["financialStatus", "refundedAmount"] as const;

/** Financial statuses under which no money was taken for the order. */
const NOT_TAKEN = new Set(["voided"]);

/**
 * Shopify's orders export: one purchase per order, refunds marked `returned`, partial refunds taken off the amount,
 * continuation rows reported as skipped.
 */
export const shopifyOrders: ExportPreset = {
  name: "shopify-orders",
  kind: "purchases",
  title: "Shopify orders export (Orders → Export, CSV): one row per line item, one purchase per order",
  documentation: [
    "https://docs.xbp.app/docs/development/integrations/shopify/order-format",
    "https://matrixify.app/documentation/orders/",
    "https://www.webtoffee.com/shopify-orders-available-columns-for-export-and-import/",
  ],
  columns: {
    // No customer id in the orders export: the buyer's e-mail is the join key to the CRM.
    email: "Email",
    orderId: "Name",
    // The order's creation time; `Paid at` is blank for pending and manual-payment orders.
    date: ["Created at", "Paid at"],
    // The order total (items, shipping and taxes, after discounts), on the order's first row only.
    amount: "Total",
    product: "Lineitem name",
  },
  extraColumns: { financialStatus: "Financial Status", refundedAmount: "Refunded Amount" },
  // `Accepts Marketing` is the buyer's e-mail marketing opt-in: not consent to be asked to advocate, and not an
  // objection to profiling.
  acknowledgedColumns: ["Accepts Marketing"],
  adapt(record) {
    const status = rawText(record.financialStatus)?.toLowerCase();
    if (status === undefined && rawText(record.amount) === undefined) {
      return { skip: "line-item continuation row (its order is counted once, on its first row)" };
    }
    if (status !== undefined && NOT_TAKEN.has(status)) return { skip: "voided order (no money was taken)" };
    const fields = fieldsOnly(record, EXTRA);
    if (status === "refunded") return { ...fields, returned: true };
    const total = plainNumber(record.amount);
    const refunded = plainNumber(record.refundedAmount) ?? 0;
    if (total !== undefined && refunded > 0) {
      // A partial refund: what the customer kept spending is the total less what came back.
      const kept = toCents(Math.max(0, total - refunded));
      return kept === 0 ? { ...fields, returned: true } : { ...fields, amount: kept, returned: false };
    }
    return { ...fields, returned: false };
  },
};
