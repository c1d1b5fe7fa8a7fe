import { customerSchema, type Customer, type CustomerInput } from "./customer.js";
import type { AdvocateOptions } from "./options.js";
import type { InputProblem } from "./problem.js";
import { purchaseSchema, type Purchase, type PurchaseInput } from "./purchase.js";
import { socialSchema, type SocialActivity, type SocialActivityInput } from "./social.js";
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

/**
 * Validates all four sources. In `strict` mode any bad row throws one {@link ValidationError} listing up to
 * `maxProblems` problems; in `lenient` mode bad rows are skipped and each problem is returned.
 *
 * @example
 * const data = validateData({ purchases: [{ customerId: "c1", date: "2024-05-01", amount: 20 }] }, resolveOptions());
 * data.purchases[0]?.ref; //=> { source: "purchases", row: 1 }
 */
export function validateData(data: AdvocateData, options: AdvocateOptions): ValidatedData {
  const names = options.sourceNames;
  const customers = validateRecords(customerSchema, data.customers ?? [], names.customers);
  const purchases = validateRecords(purchaseSchema, data.purchases ?? [], names.purchases);
  const surveys = validateRecords(surveySchema, data.surveys ?? [], names.surveys);
  const social = validateRecords(socialSchema, data.social ?? [], names.social);
  const problems = [...customers.problems, ...purchases.problems, ...surveys.problems, ...social.problems];
  if (problems.length > 0 && options.mode === "strict") {
    throw new ValidationError(problems.slice(0, options.maxProblems), problems.length);
  }
  return {
    customers: customers.records,
    purchases: purchases.records,
    surveys: surveys.records,
    social: social.records,
    problems,
    skippedRows: {
      customers: customers.rejectedRows,
      purchases: purchases.rejectedRows,
      surveys: surveys.rejectedRows,
      social: social.rejectedRows,
    },
  };
}
