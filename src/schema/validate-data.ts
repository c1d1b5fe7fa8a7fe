import { checkDataShape } from "./data-shape.js";
import type { InvitationInput } from "./invitation.js";
import { customerSchemaFor, type Customer, type CustomerInput } from "./customer.js";
import type { AdvocateOptions } from "./options.js";
import type { InputProblem } from "./problem.js";
import { purchaseSchemaFor, type Purchase, type PurchaseInput } from "./purchase.js";
import { socialSchemaFor, type SocialActivity, type SocialActivityInput } from "./social.js";
import { answerRangeIssues, answerRanges } from "./answer-ranges.js";
import { surveySchemaFor, type SurveyResponse, type SurveyResponseInput } from "./survey.js";
import { validateRecords, type Located } from "./validate-records.js";
import { resolveReading, type ResolvedReading } from "./columns/source-reading.js";
import { RecordMapper } from "./columns/record-mapper.js";
import { presetNamed } from "./presets/index.js";
import { originOf } from "./record-origin.js";
import type { RecordKind } from "./record-kind.js";

/**
 * Records mapped to the library's fields by a reading (column mapping, preset adapter); records read from files
 * (which carry their origin) are mapped already. A row the preset leaves out is dropped here, as it is counted
 * where profiles are built.
 */
function* mappedRecords(rows: Iterable<unknown>, reading: ResolvedReading, source: string): Generator<unknown> {
  const mapper = new RecordMapper(reading, source);
  const adapt = reading.preset === undefined ? undefined : presetNamed(reading.preset).adapt;
  for (const raw of rows) {
    if (originOf(raw) !== undefined) {
      yield raw;
      continue;
    }
    const record = mapper.map(raw);
    if (adapt === undefined || typeof record !== "object" || record === null) {
      yield record;
      continue;
    }
    const adapted = adapt(record as Record<string, unknown>);
    if (!("skip" in adapted && typeof adapted.skip === "string" && Object.keys(adapted).length === 1)) yield adapted;
  }
}
import { ValidationError } from "./validation-error.js";

/** The data a brand already has, as arrays of records (typed objects or CSV rows of strings). Every part is optional. */
export interface AdvocateData {
  readonly customers?: Iterable<CustomerInput | Record<string, unknown>> | undefined;
  readonly purchases?: Iterable<PurchaseInput | Record<string, unknown>> | undefined;
  readonly surveys?: Iterable<SurveyResponseInput | Record<string, unknown>> | undefined;
  readonly social?: Iterable<SocialActivityInput | Record<string, unknown>> | undefined;
  /** Invitations already sent (`invitationsOf`): each sets its customer's last invitation, for the cool-down. */
  readonly invitations?: Iterable<InvitationInput | Record<string, unknown>> | undefined;
}

/** Every record validated and located, plus the problems found (lenient mode) — nothing is dropped silently. */
export interface ValidatedData {
  readonly customers: Located<Customer>[];
  readonly purchases: Located<Purchase>[];
  readonly surveys: Located<SurveyResponse>[];
  readonly social: Located<SocialActivity>[];
  readonly problems: InputProblem[];
  /** Rows skipped because they were invalid, per source. */
  readonly skippedRows: { customers: number; purchases: number; surveys: number; social: number };
}

/** Drops the responses with an answer outside its item's range, reporting each such answer. */
function outOfRangeAnswers(
  surveys: Located<SurveyResponse>[],
  options: AdvocateOptions,
): { kept: Located<SurveyResponse>[]; problems: InputProblem[]; rejectedRows: number } {
  const rangeOf = answerRanges(options);
  const kept: Located<SurveyResponse>[] = [];
  const problems: InputProblem[] = [];
  let rejectedRows = 0;
  for (const located of surveys) {
    const issues = answerRangeIssues(located.record.answers, rangeOf);
    for (const issue of issues) problems.push({ ...located.ref, ...issue });
    if (issues.length > 0) rejectedRows += 1;
    else kept.push(located);
  }
  return { kept, problems, rejectedRows };
}

/**
 * Validates all four sources. In `strict` mode any bad row throws one {@link ValidationError} listing up to
 * `maxProblems` problems; in `lenient` mode bad rows are skipped and each problem is returned.
 *
 * @example
 * const data = validateData({ purchases: [{ customerId: "c1", date: "2024-05-01", amount: 20 }] }, resolveOptions());
 * data.purchases[0]?.ref; //=> { source: "purchases", row: 1 }
 */
export function validateData(data: AdvocateData, options: AdvocateOptions): ValidatedData {
  checkDataShape(data, "validateData");
  const names = options.sourceNames;
  // Records are mapped to the library's fields by the options' columns and sources, and read by their formats.
  const mapped = (kind: RecordKind) => mappedRecords(data[kind] ?? [], resolveReading(kind, options), names[kind]);
  const rules = (kind: RecordKind) => resolveReading(kind, options).rules;
  const customers = validateRecords(customerSchemaFor(rules("customers")), mapped("customers"), names.customers, 1, customerSchemaFor, ["customerId"]);
  const purchases = validateRecords(purchaseSchemaFor(rules("purchases")), mapped("purchases"), names.purchases, 1, purchaseSchemaFor, ["customerId", "email"]);
  const surveys = validateRecords(surveySchemaFor(rules("surveys")), mapped("surveys"), names.surveys, 1, surveySchemaFor, ["customerId", "email"]);
  const social = validateRecords(socialSchemaFor(rules("social")), mapped("social"), names.social, 1, socialSchemaFor, ["customerId", "author", "authorEmail"]);
  const answerRanges = outOfRangeAnswers(surveys.records, options);
  // Answer-range problems go at their rows, as a reader that checks record by record reports them.
  const surveyProblems = [...surveys.problems, ...answerRanges.problems].sort((a, b) => a.row - b.row);
  const problems = [...customers.problems, ...purchases.problems, ...surveyProblems, ...social.problems];
  if (problems.length > 0 && options.mode === "strict") {
    throw new ValidationError(problems.slice(0, options.maxProblems), problems.length);
  }
  return {
    customers: customers.records,
    purchases: purchases.records,
    surveys: answerRanges.kept,
    social: social.records,
    problems,
    skippedRows: {
      customers: customers.rejectedRows,
      purchases: purchases.rejectedRows,
      surveys: surveys.rejectedRows + answerRanges.rejectedRows,
      social: social.rejectedRows,
    },
  };
}
