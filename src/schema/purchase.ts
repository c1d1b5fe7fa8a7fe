import * as z from "zod";
import { booleanField, dateField, idField, MAX_AMOUNT, numberField, optional, textField } from "./fields.js";

/** One purchase (an order or an order line). `amount` is the money spent, never negative: refunds go in `returned`. */
export const purchaseSchema = z.object({
  customerId: idField,
  date: dateField,
  amount: numberField.pipe(
    z
      .number()
      .min(0, { error: "expected an amount ≥ 0 (mark refunds with returned)" })
      .max(MAX_AMOUNT, { error: `expected an amount ≤ ${MAX_AMOUNT.toExponential()}` }),
  ),
  orderId: textField,
  product: textField,
  category: textField,
  /** The purchase was returned or refunded: it does not count as buying. */
  returned: optional(booleanField),
});

/** A validated purchase record. */
export type Purchase = z.infer<typeof purchaseSchema>;
/** A purchase record as callers may write it. */
export type PurchaseInput = z.input<typeof purchaseSchema>;
