import * as z from "zod";
import { emailField } from "./customer.js";
import { amountFieldFor, booleanField, dateFieldFor, idField, MAX_AMOUNT, optional, textField, type ValueRules } from "./fields.js";
import { quoteValue } from "./values/quote-value.js";

/**
 * The purchase schema for a source read by `rules` (date format, decimal separator).
 *
 * @example
 * purchaseSchemaFor({ decimal: "," }).parse({ customerId: "c1", date: "2026-03-04", amount: "€ 1.234,50" }).amount; //=> 1234.5
 */
export function purchaseSchemaFor(rules: ValueRules) {
  return z.object({
    /** Whose purchase; may be left out when `email` names the customer (joined to the customers file). */
    customerId: optional(idField),
    email: optional(emailField),
    date: dateFieldFor(rules),
    amount: amountFieldFor(rules).pipe(
      z
        .number()
        .min(0, { error: (issue) => `expected an amount ≥ 0 (mark refunds with returned), got ${quoteValue(issue.input)}` })
        .max(MAX_AMOUNT, { error: (issue) => `expected an amount ≤ ${MAX_AMOUNT.toExponential()}, got ${quoteValue(issue.input)}` }),
    ),
    orderId: textField,
    product: textField,
    category: textField,
    /** The purchase was returned or refunded: it does not count as buying. */
    returned: optional(booleanField),
    /** An objection to profiling recorded on this row: the customer is excluded, wherever the flag appears. */
    optedOut: optional(booleanField),
  });
}

/**
 * One purchase (an order or an order line). `amount` is the money spent, never negative: refunds go in `returned`.
 * Amounts may carry a currency symbol or code and thousands separators (`$1,234.50`, `1234.50 USD`).
 */
export const purchaseSchema = purchaseSchemaFor({});

/** A validated purchase record. */
export type Purchase = z.infer<typeof purchaseSchema>;
/** A purchase record as callers may write it. */
export type PurchaseInput = z.input<typeof purchaseSchema>;
