import type { ExportPreset } from "./export-preset.js";
import { fieldsOnly, plainNumber, rawText, toCents } from "./raw-values.js";

/*
 * Stripe Dashboard → Payments → Export (the "charges" export, CSV), default columns.
 *
 * Sources:
 * - https://support.stripe.com/questions/exporting-a-report-of-all-transactions (read in its stored ja-JP copy) —
 *   the payments export is the detailed per-payment list, and it includes failed payments (left out here).
 * - https://docs.cello.so/guides/attribution/stripe-reports — the export's column names `ID`, `Description`,
 *   `Created (UTC)`, `Amount`, `Currency`, `Converted Amount`, `Fee`, `Tax`, `Converted Currency`, `Customer ID`.
 * The full default header (`id,Description,Seller Message,Created (UTC),Amount,Amount Refunded,Currency,…,Mode,
 * Status,Statement Descriptor,Customer ID,Customer Description,Customer Email,Captured,…`), the `Status` values
 * (`Paid`, `Refunded`, `Failed`), the date form `2026-03-04 14:22` / `2026-03-04 14:22:01` (UTC, no zone written)
 * and amounts in major units (`24.00`, not the API's minor-unit `2400`): not on a stored Stripe page; as seen in
 * Dashboard exports handled by public code. So no minor-unit conversion is done: this preset is for the Dashboard
 * CSV, not for API JSON. A Dashboard set to a decimal-comma locale writes `0,25`: pass `decimal: ","` for it.
 *
 * `Customer ID` is Stripe's `cus_…` id, not the CRM's: the e-mail is the join key (map `customerId` to
 * `Customer ID` yourself when your CRM keys customers by their Stripe id).
 */

const EXTRA = ["status", "amountRefunded", "captured", "mode"] as const;

/** Stripe Dashboard payments export: paid charges as purchases, refunds marked, failed and test charges skipped. */
export const stripePayments: ExportPreset = {
  name: "stripe-payments",
  kind: "purchases",
  title: "Stripe payments (charges) export from the Dashboard (Payments → Export, CSV)",
  documentation: [
    "https://support.stripe.com/questions/exporting-a-report-of-all-transactions",
    "https://docs.cello.so/guides/attribution/stripe-reports",
  ],
  columns: {
    email: "Customer Email",
    orderId: "id",
    date: "Created (UTC)",
    amount: "Amount",
    product: "Description",
  },
  extraColumns: { status: "Status", amountRefunded: "Amount Refunded", captured: "Captured", mode: "Mode" },
  adapt(record) {
    const status = rawText(record.status)?.toLowerCase();
    if (status === "failed") return { skip: "failed payment (no money was taken)" };
    if (rawText(record.mode)?.toLowerCase() === "test") return { skip: "test-mode payment" };
    if (rawText(record.captured)?.toLowerCase() === "false") return { skip: "authorised but never captured" };
    const fields = fieldsOnly(record, EXTRA);
    const amount = plainNumber(record.amount);
    const refunded = plainNumber(record.amountRefunded) ?? 0;
    if (status === "refunded" || (amount !== undefined && refunded >= amount && refunded > 0)) return { ...fields, returned: true };
    if (amount !== undefined && refunded > 0) return { ...fields, amount: toCents(amount - refunded), returned: false };
    return { ...fields, returned: false };
  },
};
