import type { ExportPreset } from "./export-preset.js";
import { fieldsOnly, leadingWholeNumber, rawText, satisfactionScore } from "./raw-values.js";

/*
 * Typeform: Results → Responses → Download all responses → CSV.
 *
 * Sources: https://www.typeform.com/developers/ (forms "customized with Hidden Fields"; the Responses API) and the
 * response item as typed at https://docs.memberjunction.org/api/interfaces/_memberjunction_actions-bizapps-formbuilders.TypeformResponseItem.html
 * (`token`, `landed_at`, `submitted_at`, `hidden`, `metadata.network_id`, answers with a `number` for scales): the
 * download carries the same data as columns. No Typeform help page on the download's column names was in the
 * stored pages; as seen in Typeform downloads handled by public code they are `#` (the response token), one column
 * per question headed by its question text, one per hidden field headed by the hidden field's own name (as defined
 * in the form: `email`, `customer_id`), then `Response Type` (`completed` or `partial`), `Start Date (UTC)`,
 * `Stage Date (UTC)`, `Submit Date (UTC)` (written `2026-03-04 14:22:01`, UTC as the header says), `Network ID` and
 * `Tags`. An opinion-scale or NPS answer is its number (`9`).
 * Since question columns are named by the form's own questions, the NPS (an NPS or opinion-scale question asking
 * how likely the respondent is to recommend), CSAT ("how satisfied") and comment (the follow-up asking why)
 * columns are found in the header; hidden fields are listed by the common names. Map others yourself
 * (`--map surveys.nps="On a scale…"`).
 */

const EXTRA = ["responseType", "startDate"] as const;

/** The NPS, CSAT and comment questions' columns, found by their question text. */
function locateTypeformColumns(header: readonly string[]): Readonly<Record<string, string>> {
  const located: Record<string, string> = {};
  const nps = header.find((name) => /\brecommend\b/i.test(name));
  if (nps !== undefined) located.nps = nps;
  const csat = header.find((name) => /\bhow satisfied\b/i.test(name));
  if (csat !== undefined) located.csat = csat;
  const comment = header.find((name) => /(\bwhy\b|reason for your|anything else|tell us more)/i.test(name));
  if (comment !== undefined) located.comment = comment;
  return located;
}

/** Typeform responses CSV: hidden fields as join keys, questions found by their text, empty partials skipped. */
export const typeform: ExportPreset = {
  name: "typeform",
  kind: "surveys",
  title: "Typeform responses (Results → Responses → Download all responses, CSV), with hidden fields",
  documentation: [
    "https://www.typeform.com/developers/",
    "https://docs.memberjunction.org/api/interfaces/_memberjunction_actions-bizapps-formbuilders.TypeformResponseItem.html",
  ],
  columns: {
    customerId: ["customer_id", "crm_id"],
    email: ["email", "email_address"],
    date: "Submit Date (UTC)",
  },
  extraColumns: { responseType: "Response Type", startDate: "Start Date (UTC)" },
  locateColumns: locateTypeformColumns,
  adapt(record) {
    const fields = fieldsOnly(record, EXTRA);
    const answered = ["nps", "csat", "comment"].some((field) => rawText(fields[field]) !== undefined);
    // A partial response is kept when it answered something; one that answered nothing is no survey response.
    if (rawText(record.responseType)?.toLowerCase() === "partial" && !answered) return { skip: "partial response with no answer" };
    // A partial response was never submitted: it is dated when it was started.
    if (fields.date === undefined && record.startDate !== undefined) fields.date = record.startDate;
    if (fields.nps !== undefined) fields.nps = leadingWholeNumber(fields.nps) ?? fields.nps;
    if (fields.csat !== undefined) fields.csat = satisfactionScore(fields.csat);
    return fields;
  },
};
