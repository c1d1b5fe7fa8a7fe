import { answerRangeIssues, answerRanges, type AnswerRange } from "../schema/answer-ranges.js";
import { customerSchema, type Customer } from "../schema/customer.js";
import type { AdvocateOptions } from "../schema/options.js";
import { ProblemLog } from "../schema/problem-log.js";
import type { RecordRef } from "../schema/problem.js";
import { purchaseSchema, type Purchase } from "../schema/purchase.js";
import { ABSENT, RecordValidator, type FieldIssue } from "../schema/record-validator.js";
import { booleanField, idField } from "../schema/fields.js";
import { socialSchema, type SocialActivity } from "../schema/social.js";
import { surveySchema, type SurveyResponse } from "../schema/survey.js";
import type { ExclusionFactsCollector } from "./exclusion-policy.js";
import type { ProfileBuilder } from "./profile-builder.js";

type AnyRecord = Customer | Purchase | SurveyResponse | SocialActivity;

/**
 * Reads one validated record out of a batch's value columns as an object literal of the kind's fields: every record
 * of a kind then has one shape, which keeps the code that reads it fast (a generic object built key by key was a
 * tenth of the time of reading a file).
 */
function columnReader(kind: RecordKind, keys: readonly string[]): (values: readonly (readonly unknown[])[], row: number) => AnyRecord {
  const column = (key: string): number => {
    const index = keys.indexOf(key);
    if (index < 0) throw new Error(`record intake: the ${kind} schema has no key "${key}"`);
    return index;
  };
  const at = (values: readonly (readonly unknown[])[], index: number, row: number): never => (values[index] as readonly unknown[])[row] as never;
  const customerId = column("customerId");
  if (kind === "customers") {
    const [name, email, optedOut, consent, handles, lastInvitedAt] = ["name", "email", "optedOut", "consent", "handles", "lastInvitedAt"].map(column) as number[];
    return (v, row): Customer => ({
      customerId: at(v, customerId, row),
      name: at(v, name as number, row),
      email: at(v, email as number, row),
      optedOut: at(v, optedOut as number, row),
      consent: at(v, consent as number, row),
      handles: at(v, handles as number, row),
      lastInvitedAt: at(v, lastInvitedAt as number, row),
    });
  }
  const date = column("date");
  if (kind === "purchases") {
    const [amount, orderId, product, category, returned] = ["amount", "orderId", "product", "category", "returned"].map(column) as number[];
    return (v, row): Purchase => ({
      customerId: at(v, customerId, row),
      date: at(v, date, row),
      amount: at(v, amount as number, row),
      orderId: at(v, orderId as number, row),
      product: at(v, product as number, row),
      category: at(v, category as number, row),
      returned: at(v, returned as number, row),
    });
  }
  if (kind === "surveys") {
    const [nps, csat, answers, comment] = ["nps", "csat", "answers", "comment"].map(column) as number[];
    return (v, row): SurveyResponse => ({
      customerId: at(v, customerId, row),
      date: at(v, date, row),
      nps: at(v, nps as number, row),
      csat: at(v, csat as number, row),
      answers: at(v, answers as number, row),
      comment: at(v, comment as number, row),
    });
  }
  const [platform, type, isPublic, mentionsBrand, text, sentiment, reach, engagement, repliesToCriticism] = [
    "platform",
    "type",
    "public",
    "mentionsBrand",
    "text",
    "sentiment",
    "reach",
    "engagement",
    "repliesToCriticism",
  ].map(column) as number[];
  return (v, row): SocialActivity => ({
    customerId: at(v, customerId, row),
    date: at(v, date, row),
    platform: at(v, platform as number, row),
    type: at(v, type as number, row),
    public: at(v, isPublic as number, row),
    mentionsBrand: at(v, mentionsBrand as number, row),
    text: at(v, text as number, row),
    sentiment: at(v, sentiment as number, row),
    reach: at(v, reach as number, row),
    engagement: at(v, engagement as number, row),
    repliesToCriticism: at(v, repliesToCriticism as number, row),
  });
}

/** The four kinds of record a brand's data holds. */
export type RecordKind = "customers" | "purchases" | "surveys" | "social";
/** The kinds in the order they are read: customers first, since they decide who may be profiled. */
export const RECORD_KINDS: readonly RecordKind[] = ["customers", "purchases", "surveys", "social"];

/** What an intake needs from the options: how strict to be and the survey answer ranges. */
export type IntakeOptions = Pick<AdvocateOptions, "mode" | "maxProblems" | "scales" | "answerScale">;

// One validator per kind and intake: each memoises its fields' verdicts over the rows it sees. A customer ID the
// builder already holds is one zod returned unchanged, so it needs no second asking.
function validators(builder: ProfileBuilder) {
  const accepted = { customerId: (raw: string) => builder.holds(raw) };
  return {
    customers: new RecordValidator<Customer>(customerSchema as never, { accepted }),
    purchases: new RecordValidator<Purchase>(purchaseSchema as never, { accepted }),
    surveys: new RecordValidator<SurveyResponse>(surveySchema as never, { accepted }),
    social: new RecordValidator<SocialActivity>(socialSchema as never, { accepted }),
  };
}

/**
 * Validates records and profiles the good ones, one record at a time (validate → profile without holding the
 * records): every bad field becomes a problem naming source, row and field; a row with any problem is skipped.
 * In strict mode, once a problem is found the rest is only validated (the run will fail, and the error should
 * still count every bad row). Customer records also feed the exclusion facts, when a collector is given.
 *
 * @example
 * const intake = new RecordIntake(new ProfileBuilder(), resolveOptions({ mode: "lenient" }));
 * intake.add("purchases", { customerId: "c1", date: "2026-01-05", amount: "x" }, { source: "purchases.csv", row: 1 });
 * intake.problems.problems[0]; //=> { source: "purchases.csv", row: 1, field: "amount", message: "expected a number" }
 */
export class RecordIntake {
  /** Where problems go; a chunked reader gives each chunk its own log (see {@link logTo}). */
  problems: ProblemLog;
  /** Rows skipped because they were invalid, per kind. */
  readonly rejected: Record<RecordKind, number> = { customers: 0, purchases: 0, surveys: 0, social: 0 };
  private readonly validators: ReturnType<typeof validators>;
  private readonly rangeOf: (item: string) => AnswerRange;
  private readonly strict: boolean;
  /** In strict mode, a problem anywhere means the run fails: from then on records are only validated. */
  private failed = false;

  private readonly facts: ExclusionFactsCollector | undefined;

  /**
   * `facts` collects what customer records say about exclusion; `problems` lets several intakes (one per phase of
   * a read) share one log.
   */
  constructor(
    readonly builder: ProfileBuilder,
    options: IntakeOptions,
    shared: { readonly facts?: ExclusionFactsCollector | undefined; readonly problems?: ProblemLog | undefined } = {},
  ) {
    this.validators = validators(builder);
    this.strict = options.mode === "strict";
    this.problems = shared.problems ?? new ProblemLog(this.strict ? options.maxProblems : Number.POSITIVE_INFINITY);
    this.facts = shared.facts;
    this.rangeOf = answerRanges(options);
  }

  /** Sends further problems to `log` (the failure flag of strict mode is kept). */
  logTo(log: ProblemLog): void {
    this.problems = log;
  }

  /** The schema keys of a kind, in the order {@link addColumns} takes its columns. */
  keys(kind: RecordKind): readonly string[] {
    return this.validators[kind].keys;
  }

  /** Validates and profiles one record given as an object. */
  add(kind: RecordKind, raw: unknown, ref: RecordRef): void {
    const verdict = this.validators[kind].validate(raw);
    if (verdict.ok) {
      this.accept(kind, verdict.record, ref);
      return;
    }
    this.reject(kind, verdict.issues, ref);
    if (kind === "customers" && typeof raw === "object" && raw !== null) {
      const row = raw as Record<string, unknown>;
      this.keepOptOut(row.customerId, "optedOut" in row ? row.optedOut : ABSENT);
    }
  }

  /**
   * Validates and profiles a batch of records given column by column (`columns[k][row]` is the raw value of
   * `keys(kind)[k]`, or `ABSENT`), the rows numbered from `firstRow` in `source`: how the CSV reader hands over rows,
   * so each field is validated a column at a time and no generic record object is built.
   */
  addColumns(kind: RecordKind, columns: readonly (readonly unknown[])[], count: number, source: string, firstRow: number): void {
    const validator = this.validators[kind];
    const { values, issues } = validator.checkColumns(columns, count);
    const recordAt = (this.readers[kind] ??= columnReader(kind, validator.keys));
    const ref = { source, row: 0 };
    for (let row = 0; row < count; row += 1) {
      ref.row = firstRow + row;
      const found = issues[row];
      if (found === undefined) {
        this.accept(kind, recordAt(values, row), ref);
        continue;
      }
      this.reject(kind, found, ref);
      if (kind === "customers") {
        const raw = (key: string) => columns[validator.keys.indexOf(key)]?.[row] ?? ABSENT;
        this.keepOptOut(raw("customerId"), raw("optedOut"));
      }
    }
  }

  private readonly readers: { [K in RecordKind]?: (values: readonly (readonly unknown[])[], row: number) => AnyRecord } = {};

  /**
   * A customer row that fails validation is skipped, but its opt-out must not be: an objection to profiling holds
   * whatever else is wrong with the row. When the row names a customer and its opt-out field says yes — or says
   * something that cannot be read as no — the customer is excluded.
   */
  keepOptOut(customerId: unknown, optedOut: unknown): void {
    if (this.facts === undefined || optedOut === ABSENT || optedOut === undefined) return;
    const id = idField.safeParse(customerId);
    if (!id.success) return;
    const says = booleanField.safeParse(optedOut);
    if (says.success && !says.data) return;
    if (!says.success && typeof optedOut === "string" && optedOut.trim() === "") return;
    this.facts.add({ customerId: id.data, optedOut: true });
  }

  /** Records a row that could not be read as a record at all (a CSV row with the wrong number of cells). */
  reject(kind: RecordKind, issues: readonly FieldIssue[], ref: RecordRef): void {
    this.rejected[kind] += 1;
    if (this.strict) this.failed = true;
    for (const issue of issues) this.problems.add({ source: ref.source, row: ref.row, field: issue.field, message: issue.message });
  }

  private accept(kind: RecordKind, record: Customer | Purchase | SurveyResponse | SocialActivity, ref: RecordRef): void {
    if (kind === "surveys") {
      const issues = answerRangeIssues((record as SurveyResponse).answers, this.rangeOf);
      if (issues.length > 0) {
        this.reject(kind, issues, ref);
        return;
      }
    }
    if (kind === "customers") this.facts?.add(record as Customer);
    if (this.failed || (this.strict && this.problems.total > 0)) return;
    if (kind === "customers") this.builder.addCustomer(record as Customer, ref);
    else if (kind === "purchases") this.builder.addPurchase(record as Purchase, ref);
    else if (kind === "surveys") this.builder.addSurvey(record as SurveyResponse, ref);
    else this.builder.addSocial(record as SocialActivity, ref);
  }
}
