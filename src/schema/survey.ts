import * as z from "zod";
import { dateField, idField, keyedRecord, numberField, optional, textField } from "./fields.js";

/**
 * One survey response: a Net Promoter answer (0–10), a CSAT answer (1–5), other scale items in `answers`
 * (item → number; in CSV one column per item: `answers.trust`, `answers.love`) and a free-text comment.
 */
export const surveySchema = z.object({
  customerId: idField,
  date: dateField,
  nps: optional(numberField.pipe(z.number().int({ error: "expected a whole number" }).min(0).max(10, { error: "expected 0–10" }))),
  csat: optional(numberField.pipe(z.number().min(1, { error: "expected 1–5" }).max(5, { error: "expected 1–5" }))),
  answers: optional(keyedRecord(numberField)),
  comment: textField,
});

/** A validated survey response. */
export type SurveyResponse = z.infer<typeof surveySchema>;
/** A survey response as callers may write it. */
export type SurveyResponseInput = z.input<typeof surveySchema>;
