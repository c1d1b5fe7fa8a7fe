import { checkDataShape } from "./data-shape.js";
import { customerSchema, type Customer, type CustomerInput } from "./customer.js";
import type { AdvocateOptions } from "./options.js";
import type { InputProblem } from "./problem.js";
import { purchaseSchema, type Purchase, type PurchaseInput } from "./purchase.js";
import { socialSchema, type SocialActivity, type SocialActivityInput } from "./social.js";
import { answerRangeIssues, answerRanges } from "./answer-ranges.js";
import { surveySchema, type SurveyResponse, type SurveyResponseInput } from "./survey.js";
import { validateRecords, type Located } from "./validate-records.js";
import { ValidationError } from "./validation-error.js";

/** The data a brand already has, as arrays of records (typed objects or CSV rows of strings). Every part is optional. */
export interface AdvocateData {
  readonly customers?: Iterable<CustomerInput | Record<string, unknown>> | undefined;
  readonly purchases?: Iterable<PurchaseInput | Record<string, unknown>> | undefined;
  readonly surveys?: Iterable<SurveyResponseInput | Record<string, unknown>> | undefined;
  readonly social?: Iterable<SocialActivityInput | Record<string, unknown>> | undefined;
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
  const customers = validateRecords(customerSchema, data.customers ?? [], names.customers);
  const purchases = validateRecords(purchaseSchema, data.purchases ?? [], names.purchases);
  const surveys = validateRecords(surveySchema, data.surveys ?? [], names.surveys);
  const social = validateRecords(socialSchema, data.social ?? [], names.social);
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
