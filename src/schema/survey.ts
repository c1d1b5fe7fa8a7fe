import * as z from "zod";
import { emailField } from "./customer.js";
import { booleanField, dateFieldFor, idField, keyedRecord, numberFieldFor, optional, textField, type ValueRules } from "./fields.js";
import { quoteValue } from "./values/quote-value.js";

/**
 * The survey schema for a source read by `rules` (date format, decimal separator).
 *
 * @example
 * surveySchemaFor({ decimal: "," }).parse({ customerId: "c1", date: "2026-03-04", csat: "4,5" }).csat; //=> 4.5
 */
export function surveySchemaFor(rules: ValueRules) {
  const number = numberFieldFor(rules);
  return z.object({
    /** Who answered; may be left out when `email` names the customer. */
    customerId: optional(idField),
    email: optional(emailField),
    date: dateFieldFor(rules),
    nps: optional(
      number.pipe(
        z
          .number()
          .int({ error: (issue) => `expected a whole number 0–10, got ${quoteValue(issue.input)}` })
          .min(0, { error: (issue) => `expected 0–10, got ${quoteValue(issue.input)}` })
          .max(10, { error: (issue) => `expected 0–10, got ${quoteValue(issue.input)}` }),
      ),
    ),
    csat: optional(
      number.pipe(
        z
          .number()
          .min(1, { error: (issue) => `expected 1–5, got ${quoteValue(issue.input)}` })
          .max(5, { error: (issue) => `expected 1–5, got ${quoteValue(issue.input)}` }),
      ),
    ),
    answers: optional(keyedRecord(number)),
    comment: textField,
    /** An objection to profiling recorded on this row: the customer is excluded, wherever the flag appears. */
    optedOut: optional(booleanField),
  });
}

/**
 * One survey response: a Net Promoter answer (0–10), a CSAT answer (1–5), other scale items in `answers`
 * (item → number; in CSV one column per item: `answers.trust`, `answers.love`) and a free-text comment.
 */
export const surveySchema = surveySchemaFor({});

/** A validated survey response. */
export type SurveyResponse = z.infer<typeof surveySchema>;
/** A survey response as callers may write it. */
export type SurveyResponseInput = z.input<typeof surveySchema>;
