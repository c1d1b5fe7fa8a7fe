import type { ExportPreset } from "./export-preset.js";
import { fieldsOnly, leadingWholeNumber, rawText, satisfactionScore } from "./raw-values.js";

/*
 * Qualtrics survey responses: Data & Analysis → Export & Import → Export Data → CSV (numeric values or choice text).
 *
 * Source: https://www.qualtrics.com/support/survey-platform/responses/download-data/understanding-your-dataset/ —
 * "CSV and TSV files come with 3 rows of headers. The first header is the internal Qualtrics ID of the field (e.g.,
 * EndDate, Q1, Q2, and so on)", the second the question text, the third the import id (`{"ImportId":"QID1"}`):
 * so the header is row one and two rows follow that are not responses. One row per response; metadata columns
 * `StartDate`, `EndDate`, `Status`, `IPAddress`, `Progress`, `Duration (in seconds)`, `Finished`, `RecordedDate`,
 * `ResponseId`, `RecipientLastName`, `RecipientFirstName`, `RecipientEmail`, `ExternalReference`, … then one
 * column per question, named by its export tag (`Q1`, `Q3_2`, or a tag the author chose).
 * Also https://docs.ropensci.org/qualtRics/reference/fetch_survey.html (the same columns read by qualtRics).
 *
 * Not on the stored page: the date form, written `2026-03-04 14:22:01` in the account's time zone (which the third
 * header row names, `"timeZone":"America/Denver"`) with no offset; it is read as UTC, so a date may shift by the
 * zone's hours at most. The `Status` codes skipped here (`Survey Preview`/1, `Survey Test`/2, `Spam`/8, `Preview
 * Spam`/9, label or number as the export was asked for) were not in the excerpts read; the 360 page shows the same
 * label-or-code form (`32 / EX`). The NPS question: Qualtrics writes its 0–10 answer in the question's column and
 * adds `<tag>_NPS_GROUP` (1 detractor, 2 passive, 3 promoter) beside it, so the score's column is found by that
 * pair (export tags are the author's own: no fixed name can be listed). A CSAT question is found by the tag `CSAT`,
 * and the comment by a tag `Comment`, `Why` or `Reason`, or one ending in `_Reason`/`_Why` (`NPS_Reason`); other
 * questions (`Q3_1`, …) are mapped by the user (`--map surveys.answers.love=Q3_1`).
 */

const EXTRA = ["status"] as const;

/** Response statuses that are not a respondent's answer (previews, tests, spam), as label or numeric code. */
const NOT_RESPONSES = new Set(["survey preview", "1", "survey test", "2", "spam", "8", "preview spam", "9"]);

/** The NPS question's column (its `_NPS_GROUP` sibling names it), a CSAT tag, and a comment tag, from the header. */
function locateQualtricsColumns(header: readonly string[]): Readonly<Record<string, string>> {
  const located: Record<string, string> = {};
  const names = new Set(header);
  const nps = header.find((name) => name !== "" && names.has(`${name}_NPS_GROUP`)) ?? header.find((name) => /^(q\d+_)?nps$/i.test(name));
  if (nps !== undefined) located.nps = nps;
  const csat = header.find((name) => /^(q\d+_)?csat$/i.test(name));
  if (csat !== undefined) located.csat = csat;
  const comment = header.find((name) => /(^|_)(comments?|why|reason)$/i.test(name));
  if (comment !== undefined) located.comment = comment;
  return located;
}

/** Qualtrics CSV export: three header rows, previews and spam skipped, the NPS column found by its group column. */
export const qualtrics: ExportPreset = {
  name: "qualtrics",
  kind: "surveys",
  title: "Qualtrics survey responses (Data & Analysis → Export Data → CSV, with its three header rows)",
  documentation: [
    "https://www.qualtrics.com/support/survey-platform/responses/download-data/understanding-your-dataset/",
    "https://docs.ropensci.org/qualtRics/reference/fetch_survey.html",
  ],
  columns: {
    customerId: ["ExternalReference", "ExternalDataReference"],
    email: "RecipientEmail",
    date: ["RecordedDate", "EndDate"],
  },
  skipRowsAfterHeader: 2,
  extraColumns: { status: "Status" },
  locateColumns: locateQualtricsColumns,
  adapt(record) {
    const status = rawText(record.status)?.toLowerCase();
    if (status !== undefined && NOT_RESPONSES.has(status)) return { skip: "survey preview, test or spam response" };
    const fields = fieldsOnly(record, EXTRA);
    // A choice-text export writes the NPS answer with its label at the ends of the scale.
    if (record.nps !== undefined) fields.nps = leadingWholeNumber(record.nps) ?? record.nps;
    if (record.csat !== undefined) fields.csat = satisfactionScore(record.csat);
    return fields;
  },
};
