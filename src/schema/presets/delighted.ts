import type { ExportPreset } from "./export-preset.js";
import { flatRecord, mappedKeys, withKeys } from "./flat-record.js";
import { fieldsOnly, isoFromUnixSeconds, rawText } from "./raw-values.js";

/*
 * Delighted survey responses, as the API lists them: `GET /v1/survey_responses.json?expand[]=person` (saved as a
 * JSON file; pages of up to 100 joined into one array).
 *
 * Source: https://delighted.com/docs/api/listing-survey-responses (stored as delightedapp.com/docs/api/…) — a JSON
 * array of responses, each with `id`, `person` (the person's id, or with `expand[]=person` the person object with
 * its `email` and `name`), `survey_type` (`nps`, `csat`, `ces`, …), `score`, `comment`, `permalink`, `created_at`
 * (Unix seconds), `person_properties`, `notes`, `tags`, `additional_answers`. The Dashboard's CSV download is not
 * described in the stored pages, so this preset reads the documented JSON.
 *
 * The score is routed by the survey type: an NPS score (0–10) is `nps`, a CSAT score (1–5 on Delighted's default
 * scale) is `csat`; other surveys (CES, eNPS, PMF, smileys, thumbs) have no field here and are skipped with that
 * reason. A response without its person's e-mail has no join key: skipped, with the fix in the reason. A customer
 * id kept in `person_properties` (Delighted's examples use `customer_id`) can be mapped yourself:
 * `--map surveys.customerId=person_properties.customer_id`.
 */

const EXTRA = ["score", "surveyType"] as const;

/** Delighted's survey-response list (API JSON): NPS and CSAT scores routed by survey type, Unix dates read. */
export const delighted: ExportPreset = {
  name: "delighted",
  kind: "surveys",
  title: "Delighted survey responses (API: GET /v1/survey_responses.json?expand[]=person, saved as JSON)",
  documentation: ["https://delighted.com/docs/api/listing-survey-responses"],
  columns: {
    email: "person.email",
    date: "created_at",
    comment: "comment",
  },
  extraColumns: { score: "score", surveyType: "survey_type" },
  records(document) {
    if (!Array.isArray(document)) {
      throw new Error("delighted: expected the JSON array GET /v1/survey_responses.json returns (one object per response)");
    }
    const keys = mappedKeys(delighted);
    return document.map((response) => withKeys(flatRecord(response), keys));
  },
  adapt(record) {
    if (rawText(record.email) === undefined && rawText(record.customerId) === undefined) {
      return { skip: "response without the person's e-mail (export with expand[]=person)" };
    }
    const type = rawText(record.surveyType)?.toLowerCase();
    if (type !== "nps" && type !== "csat") return { skip: "not an NPS or CSAT survey response" };
    const fields = fieldsOnly(record, EXTRA);
    fields[type] = record.score;
    if (record.date !== undefined) fields.date = isoFromUnixSeconds(record.date) ?? record.date;
    // The API writes `"comment": null` for a response without one.
    if (fields.comment === null) delete fields.comment;
    return fields;
  },
};
