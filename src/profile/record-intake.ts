import { answerRangeIssues, answerRanges, type AnswerRange } from "../schema/answer-ranges.js";
import { customerSchemaFor, type Customer } from "../schema/customer.js";
import type { AdvocateOptions } from "../schema/options.js";
import { ProblemLog } from "../schema/problem-log.js";
import type { RecordRef } from "../schema/problem.js";
import { purchaseSchemaFor, type Purchase } from "../schema/purchase.js";
import { ABSENT, RecordValidator, type FieldIssue } from "../schema/record-validator.js";
import { booleanField, idField } from "../schema/fields.js";
import { socialSchemaFor, type SocialActivity } from "../schema/social.js";
import { surveySchemaFor, type SurveyResponse } from "../schema/survey.js";
import { schemaKeys } from "../schema/columns/column-plan.js";
import { RecordMapper } from "../schema/columns/record-mapper.js";
import { plainReading, type ResolvedReading } from "../schema/columns/source-reading.js";
import type { ValueRules } from "../schema/fields.js";
import type { ExportPreset } from "../schema/presets/export-preset.js";
import { presetNamed } from "../schema/presets/index.js";
import { originOf } from "../schema/record-origin.js";
import type { IdentityCollector } from "./identity-index.js";
import type { ExclusionFactsCollector } from "./exclusion-policy.js";
import type { ProfileBuilder } from "./profile-builder.js";

import type { RecordKind } from "../schema/record-kind.js";

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
    const [name, email, optedOut, consent, consentAt, handles, lastInvitedAt] = ["name", "email", "optedOut", "consent", "consentAt", "handles", "lastInvitedAt"].map(column) as number[];
    return (v, row): Customer => ({
      customerId: at(v, customerId, row),
      name: at(v, name as number, row),
      email: at(v, email as number, row),
      optedOut: at(v, optedOut as number, row),
      consent: at(v, consent as number, row),
      consentAt: at(v, consentAt as number, row),
      handles: at(v, handles as number, row),
      lastInvitedAt: at(v, lastInvitedAt as number, row),
    });
  }
  const date = column("date");
  const optedOutAt = column("optedOut");
  if (kind === "purchases") {
    const [email, amount, orderId, product, category, returned] = ["email", "amount", "orderId", "product", "category", "returned"].map(column) as number[];
    return (v, row): Purchase => ({
      customerId: at(v, customerId, row),
      email: at(v, email as number, row),
      date: at(v, date, row),
      amount: at(v, amount as number, row),
      orderId: at(v, orderId as number, row),
      product: at(v, product as number, row),
      category: at(v, category as number, row),
      returned: at(v, returned as number, row),
      optedOut: at(v, optedOutAt, row),
    });
  }
  if (kind === "surveys") {
    const [email, nps, csat, answers, comment] = ["email", "nps", "csat", "answers", "comment"].map(column) as number[];
    return (v, row): SurveyResponse => ({
      customerId: at(v, customerId, row),
      email: at(v, email as number, row),
      date: at(v, date, row),
      nps: at(v, nps as number, row),
      csat: at(v, csat as number, row),
      answers: at(v, answers as number, row),
      comment: at(v, comment as number, row),
      optedOut: at(v, optedOutAt, row),
    });
  }
  const [author, authorEmail, platform, type, isPublic, mentionsBrand, text, sentiment, reach, engagement, repliesToCriticism, postId, inReplyTo, rating, title, url] = [
    "author",
    "authorEmail",
    "platform",
    "type",
    "public",
    "mentionsBrand",
    "text",
    "sentiment",
    "reach",
    "engagement",
    "repliesToCriticism",
    "postId",
    "inReplyTo",
    "rating",
    "title",
    "url",
  ].map(column) as number[];
  return (v, row): SocialActivity => ({
    customerId: at(v, customerId, row),
    author: at(v, author as number, row),
    authorEmail: at(v, authorEmail as number, row),
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
    postId: at(v, postId as number, row),
    inReplyTo: at(v, inReplyTo as number, row),
    rating: at(v, rating as number, row),
    title: at(v, title as number, row),
    url: at(v, url as number, row),
    optedOut: at(v, optedOutAt, row),
  });
}

export { RECORD_KINDS, type RecordKind } from "../schema/record-kind.js";

/** How each source of records is read (plain data: it crosses to worker threads). */
export interface IntakeReadings {
  /** The reading of each kind's records when their source has none of its own. */
  readonly byKind?: Partial<Record<RecordKind, ResolvedReading>> | undefined;
  /** Per source name (a file), its own reading. */
  readonly bySource?: ReadonlyArray<readonly [source: string, reading: ResolvedReading]> | undefined;
}

/** What an intake needs from the options: how strict to be, the survey answer ranges, how sources are read. */
export type IntakeOptions = Pick<AdvocateOptions, "mode" | "maxProblems" | "scales" | "answerScale"> & { readonly readings?: IntakeReadings | undefined };

/** Rows of one source: read, rejected as invalid, and left out by its reading (per stated reason). */
export interface SourceTally {
  readonly kind: RecordKind;
  rows: number;
  rejected: number;
  readonly leftOut: Map<string, number>;
}

const SCHEMAS = { customers: customerSchemaFor, purchases: purchaseSchemaFor, surveys: surveySchemaFor, social: socialSchemaFor } as const;
/** Fields that name the customer a record belongs to (one of them must be there), per kind. */
const IDENTITY_FIELDS: Record<RecordKind, readonly string[]> = {
  customers: ["customerId"],
  purchases: ["customerId", "email"],
  surveys: ["customerId", "email"],
  social: ["customerId", "author", "authorEmail"],
};
/** Fields whose undecodable bytes (U+FFFD from invalid UTF-8) would merge two people into one. */
const IDENTITY_TEXT = ["customerId", "email", "author", "authorEmail", "postId", "inReplyTo"];
const REPLACEMENT = "\uFFFD";

/** How one source is read: its validator (by its value rules), its mapper and its preset. */
interface SourceIntake {
  readonly kind: RecordKind;
  readonly validator: RecordValidator<AnyRecord>;
  readonly mapper: RecordMapper;
  readonly preset: ExportPreset | undefined;
  readonly reading: ResolvedReading;
}

/**
 * Validates records and profiles the good ones, one record at a time (validate → profile without holding the
 * records): every bad field becomes a problem naming source, row and field; a row with any problem is skipped.
 * Records are first mapped to the library's fields by their source's reading (column mapping, preset). In strict
 * mode, once a problem is found the rest is only validated (the run will fail, and the error should still count
 * every bad row). Customer records also feed the exclusion facts and the identity index, when collectors are given.
 *
 * @example
 * const intake = new RecordIntake(new ProfileBuilder(), resolveOptions({ mode: "lenient" }));
 * intake.add("purchases", { customerId: "c1", date: "2026-01-05", amount: "x" }, { source: "purchases.csv", row: 1 });
 * intake.problems.problems[0]; //=> { source: "purchases.csv", row: 1, field: "amount", message: 'expected a number, got "x"' }
 */
export class RecordIntake {
  /** Where problems go; a chunked reader gives each chunk its own log (see {@link logTo}). */
  problems: ProblemLog;
  /** Rows skipped because they were invalid, per kind. */
  readonly rejected: Record<RecordKind, number> = { customers: 0, purchases: 0, surveys: 0, social: 0 };
  /** Rows per source, for the warnings that keep an empty or mostly unreadable file from looking like success. */
  readonly tallies = new Map<string, SourceTally>();
  private readonly rangeOf: (item: string) => AnswerRange;
  private readonly strict: boolean;
  /** In strict mode, a problem anywhere means the run fails: from then on records are only validated. */
  private failed = false;
  private readonly facts: ExclusionFactsCollector | undefined;
  private readonly identities: IdentityCollector | undefined;
  private readonly readings: IntakeReadings;
  private readonly sources = new Map<string, SourceIntake>();
  private readonly validators = new Map<string, RecordValidator<AnyRecord>>();

  /**
   * `facts` collects what customer records say about exclusion and `identities` who holds which e-mail and handle;
   * `problems` lets several intakes (one per phase of a read) share one log.
   */
  constructor(
    readonly builder: ProfileBuilder,
    options: IntakeOptions,
    shared: { readonly facts?: ExclusionFactsCollector | undefined; readonly identities?: IdentityCollector | undefined; readonly problems?: ProblemLog | undefined } = {},
  ) {
    this.strict = options.mode === "strict";
    this.problems = shared.problems ?? new ProblemLog(this.strict ? options.maxProblems : Number.POSITIVE_INFINITY);
    this.facts = shared.facts;
    this.identities = shared.identities;
    this.rangeOf = answerRanges(options);
    this.readings = options.readings ?? {};
  }

  /** Sends further problems to `log` (the failure flag of strict mode is kept). */
  logTo(log: ProblemLog): void {
    this.problems = log;
  }

  /** The schema keys of a kind, in the order {@link addColumns} takes its columns. */
  keys(kind: RecordKind): readonly string[] {
    return schemaKeys(kind);
  }

  /** How a source of `kind` is read: its own reading, or its kind's. */
  readingOf(kind: RecordKind, source: string): ResolvedReading {
    return this.sourceIntake(kind, source).reading;
  }

  /** Maps a source's records (JSON objects) to the library's fields, by its reading. */
  mapperOf(kind: RecordKind, source: string): RecordMapper {
    return this.sourceIntake(kind, source).mapper;
  }

  /** The preset a source is read with, if any (its adapter needs whole records). */
  presetOf(kind: RecordKind, source: string): ExportPreset | undefined {
    return this.sourceIntake(kind, source).preset;
  }

  /** The tally of a source's rows. */
  tally(kind: RecordKind, source: string): SourceTally {
    let tally = this.tallies.get(source);
    if (tally === undefined) {
      tally = { kind, rows: 0, rejected: 0, leftOut: new Map() };
      this.tallies.set(source, tally);
    }
    return tally;
  }

  /**
   * Validates and profiles one record given as an object: mapped to the library's fields by its source's reading
   * (unless `mapped`), adapted by its preset, then validated. A record read from a file carries its origin (see
   * {@link RecordOrigin}), which names its row and may say it could not be read at all.
   */
  add(kind: RecordKind, raw: unknown, ref: RecordRef, mapped = false): void {
    const origin = originOf(raw);
    const at: RecordRef = origin === undefined ? ref : { source: origin.source, row: origin.row };
    const intake = this.sourceIntake(kind, at.source);
    const tally = this.tally(kind, at.source);
    tally.rows += 1;
    if (origin?.leftOut !== undefined) {
      tally.leftOut.set(origin.leftOut, (tally.leftOut.get(origin.leftOut) ?? 0) + 1);
      return;
    }
    if (origin?.problem !== undefined) {
      this.badRow(kind, origin.problem, at, origin.customerIds ?? []);
      return;
    }
    let record = mapped || origin !== undefined ? raw : intake.mapper.map(raw);
    if (!mapped && origin === undefined && intake.preset?.adapt !== undefined && typeof record === "object" && record !== null) {
      const adapted = intake.preset.adapt(record as Record<string, unknown>);
      if ("skip" in adapted && typeof adapted.skip === "string" && Object.keys(adapted).length === 1) {
        tally.leftOut.set(adapted.skip, (tally.leftOut.get(adapted.skip) ?? 0) + 1);
        return;
      }
      record = adapted;
    }
    const validator = origin?.rules === undefined ? intake.validator : this.validatorFor(kind, origin.rules);
    const verdict = validator.validate(record);
    if (verdict.ok) {
      this.accept(kind, verdict.record, at);
      return;
    }
    this.reject(kind, verdict.issues, at);
    if (kind === "customers" && typeof record === "object" && record !== null) {
      const row = record as Record<string, unknown>;
      this.keepOptOut(row.customerId, "optedOut" in row ? row.optedOut : ABSENT);
    }
  }

  /** A record a preset's adapter left out for a stated reason: counted by reason, never dropped silently. */
  leaveOut(kind: RecordKind, source: string, reason: string): void {
    const tally = this.tally(kind, source);
    tally.rows += 1;
    tally.leftOut.set(reason, (tally.leftOut.get(reason) ?? 0) + 1);
  }

  /**
   * Validates and profiles a batch of records given column by column (`columns[k][row]` is the raw value of
   * `keys(kind)[k]`, or `ABSENT`), the rows numbered from `firstRow` in `source`: how the CSV reader hands over rows,
   * so each field is validated a column at a time and no generic record object is built.
   */
  addColumns(kind: RecordKind, columns: readonly (readonly unknown[])[], count: number, source: string, firstRow: number): void {
    const { validator } = this.sourceIntake(kind, source);
    this.tally(kind, source).rows += count;
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

  /**
   * A row that could not be read as a record at all (ragged, malformed quotes, too long, not JSON): a problem, and,
   * in a customers source that reads opt-outs, every customer the row may name (`customerIds`, read by the caller
   * from a source with an opt-out column) is excluded — the row could be the one that carries their objection — and
   * the problem says so.
   */
  badRow(kind: RecordKind, problem: string, ref: RecordRef, customerIds: readonly string[]): void {
    const excluded: string[] = [];
    if (kind === "customers" && this.facts !== undefined) {
      for (const candidate of customerIds) {
        const id = idField.safeParse(candidate);
        if (!id.success || id.data.includes(REPLACEMENT)) continue;
        this.facts?.add({ customerId: id.data, optedOut: true });
        excluded.push(id.data);
      }
    }
    const note = excluded.length === 0 ? "" : `; ${excluded.length === 1 ? "customer" : "customers"} ${excluded.map((id) => JSON.stringify(id)).join(", ")} excluded, since the row could carry an opt-out`;
    this.reject(kind, [{ field: "(record)", message: `${problem}${note}` }], ref);
  }

  /** Records a row that could not be read as a record at all (a CSV row with the wrong number of cells). */
  reject(kind: RecordKind, issues: readonly FieldIssue[], ref: RecordRef): void {
    this.rejected[kind] += 1;
    this.tally(kind, ref.source).rejected += 1;
    if (this.strict) this.failed = true;
    for (const issue of issues) this.problems.add({ source: ref.source, row: ref.row, field: issue.field, message: issue.message });
  }

  private sourceIntake(kind: RecordKind, source: string): SourceIntake {
    let intake = this.sources.get(source);
    if (intake === undefined || intake.kind !== kind) {
      const reading = this.readings.bySource?.find(([name]) => name === source)?.[1] ?? this.readings.byKind?.[kind] ?? plainReading(kind);
      const preset = reading.preset === undefined ? undefined : presetNamed(reading.preset);
      intake = { kind, validator: this.validatorFor(kind, reading.rules), mapper: new RecordMapper(reading, source), preset, reading };
      this.sources.set(source, intake);
    }
    return intake;
  }

  // One validator per kind and set of value rules: each memoises its fields' verdicts over the rows it sees. A
  // customer ID the builder already holds is one zod returned unchanged, so it needs no second asking.
  private validatorFor(kind: RecordKind, rules: ValueRules): RecordValidator<AnyRecord> {
    const key = `${kind}\u0000${rules.dateFormat ?? ""}\u0000${rules.decimal ?? ""}\u0000${rules.optionNames?.dateFormat ?? ""}`;
    let validator = this.validators.get(key);
    if (validator === undefined) {
      validator = new RecordValidator<AnyRecord>(SCHEMAS[kind](rules) as never, { accepted: { customerId: (raw: string) => this.builder.holds(raw) } });
      this.validators.set(key, validator);
    }
    return validator;
  }

  private accept(kind: RecordKind, record: AnyRecord, ref: RecordRef): void {
    const identity = IDENTITY_FIELDS[kind];
    const fields = record as unknown as Record<string, unknown>;
    if (!identity.some((field) => fields[field] !== undefined)) {
      const either = identity.length > 1 ? ` (or ${identity.slice(1).join(" or ")}, to join on)` : "";
      this.reject(kind, [{ field: "customerId", message: `expected a customer ID${either}` }], ref);
      return;
    }
    const undecodable = IDENTITY_TEXT.filter((field) => typeof fields[field] === "string" && (fields[field] as string).includes(REPLACEMENT));
    if (undecodable.length > 0) {
      this.reject(kind, undecodable.map((field) => ({ field, message: `has bytes that are not valid UTF-8 (shown as �): two different IDs would read the same; re-export the file as UTF-8 or set its encoding` })), ref);
      return;
    }
    if (kind === "surveys") {
      const issues = answerRangeIssues((record as SurveyResponse).answers, this.rangeOf);
      if (issues.length > 0) {
        this.reject(kind, issues, ref);
        return;
      }
    }
    if (kind === "customers") {
      this.facts?.add(record as Customer);
      this.identities?.add(record as Customer);
    }
    if (this.failed || (this.strict && this.problems.total > 0)) return;
    if (kind === "customers") this.builder.addCustomer(record as Customer, ref);
    else if (kind === "purchases") this.builder.addPurchase(record as Purchase, ref);
    else if (kind === "surveys") this.builder.addSurvey(record as SurveyResponse, ref);
    else this.builder.addSocial(record as SocialActivity, ref);
  }
}
