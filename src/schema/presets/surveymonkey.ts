import type { ExportPreset } from "./export-preset.js";
import { leadingWholeNumber, satisfactionScore } from "./raw-values.js";

/*
 * SurveyMonkey: Analyze Results → Save as → Export file → All individual responses → CSV (condensed columns,
 * actual answer text).
 *
 * Source: https://rdrr.io/github/wmurphyrd/monkeywrangler/man/loadSurveyMonkeyXLS.html — the "all responses" data
 * export, whose leading respondent columns identify the response and whose question columns' format is read from
 * "patterns in the headers". No SurveyMonkey help page on the export's layout was in the stored pages; the layout
 * below is as seen in SurveyMonkey exports handled by public code:
 * - a two-row header: row one has the respondent columns `Respondent ID`, `Collector ID`, `Start Date`, `End Date`,
 *   `IP Address`, `Email Address`, `First Name`, `Last Name`, `Custom Data 1`, then each question's text (once, over
 *   the first of its columns; a multiple-answer question's further columns are blank there); row two is not a
 *   response (public code reading these exports skips it): it is blank under the respondent columns and labels
 *   each question column's answers (`Response`, `Open-Ended Response`, or the choice; these labels as SurveyMonkey
 *   writes them, not in what was read);
 * - `Custom Data 1` holds the custom value a brand passes with the survey link (a customer id, when passed).
 * Not documented in what was read: the date form. This preset reads SurveyMonkey's US form
 * `03/04/2026 02:22:01 PM` (`MM/dd/yyyy hh:mm:ss a`); set `dateFormat` if your account writes another.
 * NPS and comment columns are headed by the question text, so they are found in the header (SurveyMonkey's NPS
 * question template asks "How likely is it that you would recommend …"); the NPS answer may carry its label at
 * the ends of the scale (`10 - Extremely likely`), and a satisfaction answer is its label (`Very satisfied`), read on
 * the five-point CSAT scale.
 */

/** The NPS, CSAT and comment questions' columns, found by their question text in header row one. */
function locateSurveyMonkeyColumns(header: readonly string[]): Readonly<Record<string, string>> {
  const located: Record<string, string> = {};
  const nps = header.find((name) => /how likely .*recommend/i.test(name));
  if (nps !== undefined) located.nps = nps;
  const csat = header.find((name) => /how satisfied/i.test(name));
  if (csat !== undefined) located.csat = csat;
  const comment = header.find((name) => /(reason for your (score|rating)|why did you|anything else|tell us)/i.test(name));
  if (comment !== undefined) located.comment = comment;
  return located;
}

/** SurveyMonkey "all individual responses" CSV: two-row header, US dates, question columns found by their text. */
export const surveymonkey: ExportPreset = {
  name: "surveymonkey",
  kind: "surveys",
  title: "SurveyMonkey responses (Analyze Results → Export → All individual responses, CSV, two-row header)",
  documentation: ["https://rdrr.io/github/wmurphyrd/monkeywrangler/man/loadSurveyMonkeyXLS.html"],
  columns: {
    customerId: "Custom Data 1",
    email: "Email Address",
    date: ["End Date", "Start Date"],
  },
  dateFormat: "MM/dd/yyyy hh:mm:ss a",
  skipRowsAfterHeader: 1,
  locateColumns: locateSurveyMonkeyColumns,
  adapt(record) {
    const fields: Record<string, unknown> = { ...record };
    if (fields.nps !== undefined) fields.nps = leadingWholeNumber(fields.nps) ?? fields.nps;
    // Choice-text exports write the CSAT answer as its label (`Very satisfied`).
    if (fields.csat !== undefined) fields.csat = satisfactionScore(fields.csat);
    return fields;
  },
};
