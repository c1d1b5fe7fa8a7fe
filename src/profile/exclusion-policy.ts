import type { Customer } from "../schema/customer.js";
import { toDay } from "./day.js";

/** Why a customer was left out before profiling. */
export type ExclusionReason = "optedOut" | "noConsent" | "recentlyInvited";

/** What customer records say about who may be profiled, in plain arrays (it crosses to worker threads). */
export interface ExclusionFacts {
  readonly optedOut: readonly string[];
  /** Customers whose consent holds (see {@link consentHolds}). */
  readonly consented: readonly string[];
  /** Every consent answer, to merge facts gathered apart: customer, instant (ms, or null without `consentAt`), yes/no. */
  readonly consentAnswers?: ReadonlyArray<readonly [customerId: string, at: number | null, given: boolean]> | undefined;
  /** Customer → latest invitation day over all their records. */
  readonly invitedDay: ReadonlyArray<readonly [customerId: string, day: number]>;
}

/**
 * Gathers, from customer records, what decides exclusion: an opt-out in any record, consent in any record, and
 * the latest invitation over all records.
 *
 * @example
 * const facts = new ExclusionFactsCollector();
 * facts.add({ customerId: "c1", optedOut: true });
 * facts.facts().optedOut; //=> ["c1"]
 */
export class ExclusionFactsCollector {
  private readonly optedOut = new Set<string>();
  /** Per customer, every consent answer: its instant (−∞ when the row has no `consentAt`) and whether it said yes. */
  private readonly consents = new Map<string, Array<readonly [at: number, given: boolean]>>();
  private readonly invitedDay = new Map<string, number>();

  add(customer: Pick<Customer, "customerId" | "optedOut" | "consent" | "lastInvitedAt"> & { readonly consentAt?: Date | undefined }): void {
    if (customer.optedOut === true) this.optedOut.add(customer.customerId);
    if (customer.consent !== undefined) this.consent(customer.customerId, customer.consentAt === undefined ? Number.NEGATIVE_INFINITY : customer.consentAt.getTime(), customer.consent);
    if (customer.lastInvitedAt !== undefined) this.invited(customer.customerId, toDay(customer.lastInvitedAt));
  }

  /** Adds facts gathered elsewhere (another file or thread). */
  merge(facts: ExclusionFacts): void {
    for (const id of facts.optedOut) this.optedOut.add(id);
    if (facts.consentAnswers !== undefined) for (const [id, at, given] of facts.consentAnswers) this.consent(id, at ?? Number.NEGATIVE_INFINITY, given);
    else for (const id of facts.consented) this.consent(id, Number.NEGATIVE_INFINITY, true);
    for (const [id, day] of facts.invitedDay) this.invited(id, day);
  }

  facts(): ExclusionFacts {
    const consented = [...this.consents].filter(([, answers]) => consentHolds(answers)).map(([id]) => id);
    const answers = [...this.consents].flatMap(([id, list]) => list.map(([at, given]) => [id, Number.isFinite(at) ? at : null, given] as const));
    return { optedOut: [...this.optedOut], consented, consentAnswers: answers, invitedDay: [...this.invitedDay] };
  }

  private consent(customerId: string, at: number, given: boolean): void {
    const list = this.consents.get(customerId);
    if (list === undefined) this.consents.set(customerId, [[at, given]]);
    else list.push([at, given]);
  }

  private invited(customerId: string, day: number): void {
    const seen = this.invitedDay.get(customerId);
    if (seen === undefined || day > seen) this.invitedDay.set(customerId, day);
  }
}

/**
 * Whether a customer's consent holds when their rows disagree: the latest answer by `consentAt` decides; answers
 * without a `consentAt` are no later than any dated one, and among undated answers a "no" wins (the most
 * restrictive reading of a contradiction). An opt-out is never undone by another row: any `optedOut: yes` excludes.
 *
 * @example
 * consentHolds([[Number.NEGATIVE_INFINITY, true], [Number.NEGATIVE_INFINITY, false]]); //=> false
 * consentHolds([[Date.UTC(2026, 0, 1), false], [Date.UTC(2026, 5, 1), true]]); //=> true (the later one)
 */
export function consentHolds(answers: ReadonlyArray<readonly [at: number, given: boolean]>): boolean {
  let latest = Number.NEGATIVE_INFINITY;
  for (const [at] of answers) if (at > latest) latest = at;
  return answers.filter(([at]) => at === latest).every(([, given]) => given);
}

/** The options that turn exclusion facts into decisions. */
export interface ExclusionRules {
  readonly requireConsent: boolean;
  readonly cooldownDays: number;
  /** "Now" for the cool-down; until it is known (it may be the latest day in data not read yet) nobody cools down. */
  readonly asOfDay?: number | undefined;
}

/**
 * Decides who is left out before profiling: customers who opted out (an objection to profiling is absolute),
 * those without `consent: true` when consent is required (including IDs seen only in purchases, surveys or social
 * data, whose consent is unknown), and those invited within `cooldownDays` of "as of". An opt-out wins over the
 * other reasons, and no consent over a recent invitation.
 *
 * @example
 * const policy = new ExclusionPolicy({ optedOut: ["c1"], consented: [], invitedDay: [] }, { requireConsent: false, cooldownDays: 90 });
 * policy.reasonFor("c1"); //=> "optedOut"
 * policy.reasonFor("c2"); //=> undefined
 */
export class ExclusionPolicy {
  private readonly optedOut: ReadonlySet<string>;
  private readonly consented: ReadonlySet<string>;
  private readonly invitedDay: ReadonlyMap<string, number>;

  constructor(
    readonly facts: ExclusionFacts,
    readonly rules: ExclusionRules,
  ) {
    this.optedOut = new Set(facts.optedOut);
    this.consented = new Set(facts.consented);
    this.invitedDay = new Map(facts.invitedDay);
  }

  reasonFor(customerId: string): ExclusionReason | undefined {
    if (this.optedOut.has(customerId)) return "optedOut";
    if (this.rules.requireConsent && !this.consented.has(customerId)) return "noConsent";
    const invited = this.invitedDay.get(customerId);
    if (invited !== undefined && this.rules.asOfDay !== undefined && this.rules.asOfDay - invited < this.rules.cooldownDays) return "recentlyInvited";
    return undefined;
  }

  /** The same policy once "as of" is known. */
  asOf(asOfDay: number): ExclusionPolicy {
    return new ExclusionPolicy(this.facts, { ...this.rules, asOfDay });
  }
}
