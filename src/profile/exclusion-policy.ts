import type { Customer } from "../schema/customer.js";
import { toDay } from "./day.js";

/** Why a customer was left out before profiling. */
export type ExclusionReason = "optedOut" | "noConsent" | "recentlyInvited";

/** What customer records say about who may be profiled, in plain arrays (it crosses to worker threads). */
export interface ExclusionFacts {
  readonly optedOut: readonly string[];
  readonly consented: readonly string[];
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
  private readonly consented = new Set<string>();
  private readonly invitedDay = new Map<string, number>();

  add(customer: Pick<Customer, "customerId" | "optedOut" | "consent" | "lastInvitedAt">): void {
    if (customer.optedOut === true) this.optedOut.add(customer.customerId);
    if (customer.consent === true) this.consented.add(customer.customerId);
    if (customer.lastInvitedAt !== undefined) this.invited(customer.customerId, toDay(customer.lastInvitedAt));
  }

  /** Adds facts gathered elsewhere (another file or thread). */
  merge(facts: ExclusionFacts): void {
    for (const id of facts.optedOut) this.optedOut.add(id);
    for (const id of facts.consented) this.consented.add(id);
    for (const [id, day] of facts.invitedDay) this.invited(id, day);
  }

  facts(): ExclusionFacts {
    return { optedOut: [...this.optedOut], consented: [...this.consented], invitedDay: [...this.invitedDay] };
  }

  private invited(customerId: string, day: number): void {
    const seen = this.invitedDay.get(customerId);
    if (seen === undefined || day > seen) this.invitedDay.set(customerId, day);
  }
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
