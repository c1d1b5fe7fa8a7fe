import type * as z from "zod";
import { calibrationHoldoutOptionsSchema, rfmSummaryOptionsSchema } from "../../schema/model-options.js";
import { parseOptions } from "../../schema/parse-options.js";
import { BtydError } from "./errors.js";

/** One purchase row. `returned: true` rows are ignored (a returned purchase is not a purchase occasion). */
export interface TransactionInput {
  readonly customerId: string;
  readonly date: Date;
  readonly amount: number;
  readonly returned?: boolean | undefined;
}

/** Time unit of recency and T. Weeks are UTC days / 7, as lifetimes does with freq='D' and then divides. */
export type TimeUnit = "days" | "weeks";

/** A customer's Buy-'Til-You-Die summary (lifetimes' `frequency`, `recency`, `T`, `monetary_value`). */
export interface RfmSummary {
  readonly customerId: string;
  /** Repeat purchase days: distinct UTC purchase days after the first one. */
  readonly frequency: number;
  /** First → last purchase day, in `unit`s (0 when frequency is 0). */
  readonly recency: number;
  /** First purchase day → the end of the observation window, in `unit`s. */
  readonly T: number;
  /** Mean spend per repeat purchase day (same-day purchases summed first); 0 when frequency is 0. */
  readonly monetaryValue: number;
}

export type RfmSummaryOptions = z.input<typeof rfmSummaryOptionsSchema>;

const DAY_MS = 86_400_000;

/** UTC calendar day number of an instant; integer ms arithmetic, so no local-time or DST effects. */
function utcDay(date: Date): number {
  return Math.floor(date.getTime() / DAY_MS);
}

/** Per customer, spend per distinct UTC purchase day, days ascending. Ids stay Map keys, never object keys. */
function purchaseDaysByCustomer(
  purchases: ReadonlyArray<TransactionInput>,
  lastAllowedDay: number,
): Map<string, { days: number[]; spend: number[] }> {
  const byCustomer = new Map<string, Map<number, number>>();
  for (const [index, row] of purchases.entries()) {
    if (typeof row.customerId !== "string" || row.customerId === "") {
      throw new BtydError("INVALID_INPUT", `purchase ${index}: customerId must be a non-empty string`);
    }
    if (!(row.date instanceof Date) || Number.isNaN(row.date.getTime())) {
      throw new BtydError("INVALID_INPUT", `purchase ${index} (customer ${row.customerId}): date is not a valid Date`);
    }
    if (!Number.isFinite(row.amount) || row.amount < 0) {
      throw new BtydError(
        "INVALID_INPUT",
        `purchase ${index} (customer ${row.customerId}): amount must be finite and ≥ 0 (mark refunds with returned: true)`,
      );
    }
    if (row.returned === true) continue;
    const day = utcDay(row.date);
    if (day > lastAllowedDay) {
      throw new BtydError(
        "FUTURE_PURCHASE",
        `purchase ${index} (customer ${row.customerId}) is dated ${row.date.toISOString()}, after the observation end`,
      );
    }
    let days = byCustomer.get(row.customerId);
    if (days === undefined) {
      days = new Map();
      byCustomer.set(row.customerId, days);
    }
    days.set(day, (days.get(day) ?? 0) + row.amount);
  }
  const result = new Map<string, { days: number[]; spend: number[] }>();
  for (const [id, days] of byCustomer) {
    const sorted = [...days.keys()].sort((u, v) => u - v);
    result.set(id, { days: sorted, spend: sorted.map((d) => days.get(d) ?? 0) });
  }
  return result;
}

/** Sorts by customerId in UTF-16 code-unit order (locale-independent, so output is reproducible). */
function byCustomerId(u: { customerId: string }, v: { customerId: string }): number {
  return u.customerId < v.customerId ? -1 : u.customerId > v.customerId ? 1 : 0;
}

/**
 * Summarises purchases into BTYD inputs per customer, following lifetimes' `summary_data_from_transaction_data`:
 * purchases on the same UTC calendar day merge into one occasion (amounts summed); `frequency` counts repeat days;
 * `recency` and `T` are day differences (divided by 7 for weeks); `monetaryValue` is the mean of the repeat days'
 * totals. Returned rows are dropped; a zero-amount purchase still counts as a purchase occasion (it is a visit that
 * bought something free, e.g. a promotion) but lowers the mean spend. Rows dated after `asOf`'s UTC day throw
 * `BtydError("FUTURE_PURCHASE")`.
 *
 * Returns an array sorted by customerId (code-unit order). Customers with no non-returned purchase (in the window)
 * are absent.
 *
 * @example
 * rfmSummary(
 *   [
 *     { customerId: "a", date: new Date("2024-01-01T10:00:00Z"), amount: 10 },
 *     { customerId: "a", date: new Date("2024-01-08T09:00:00Z"), amount: 20 },
 *   ],
 *   { asOf: new Date("2024-01-15T00:00:00Z"), unit: "weeks" },
 * ); //=> [{ customerId: "a", frequency: 1, recency: 1, T: 2, monetaryValue: 20 }]
 */
export function rfmSummary(purchases: ReadonlyArray<TransactionInput>, options: RfmSummaryOptions): RfmSummary[] {
  parseOptions(rfmSummaryOptionsSchema, options, "rfmSummary");
  const asOfDay = validDay(options.asOf, "asOf");
  const endDay = options.calibrationEnd === undefined ? asOfDay : validDay(options.calibrationEnd, "calibrationEnd");
  if (endDay > asOfDay) throw new BtydError("INVALID_INPUT", "calibrationEnd must not be after asOf");
  const divisor = unitDays(options.unit);
  const summaries: RfmSummary[] = [];
  for (const [customerId, { days, spend }] of purchaseDaysByCustomer(purchases, asOfDay)) {
    const summary = summarise(customerId, days, spend, endDay, divisor);
    if (summary !== undefined) summaries.push(summary);
  }
  return summaries.sort(byCustomerId);
}

/** Calibration summary plus what the customer did in the holdout window (calibrationEnd, observationEnd]. */
export interface CalibrationHoldoutSummary extends RfmSummary {
  /** Distinct purchase days in the holdout window. */
  readonly frequencyHoldout: number;
  /** Mean spend per holdout purchase day; 0 when there is none. */
  readonly monetaryValueHoldout: number;
  /** Length of the holdout window in `unit`s (the same for everyone). */
  readonly durationHoldout: number;
}

export type CalibrationHoldoutOptions = z.input<typeof calibrationHoldoutOptionsSchema>;

/**
 * Splits purchases at `calibrationEnd` (as lifetimes' `calibration_and_holdout_data`): customers whose first
 * purchase is on or before it get a calibration summary, plus their holdout purchase days up to `observationEnd`.
 * Sorted by customerId.
 *
 * @example
 * calibrationHoldout(rows, {
 *   calibrationEnd: new Date("1997-09-30T00:00:00Z"),
 *   observationEnd: new Date("1998-06-30T00:00:00Z"),
 *   unit: "weeks",
 * })[0]; //=> { customerId, frequency, recency, T, monetaryValue, frequencyHoldout, monetaryValueHoldout, durationHoldout }
 */
export function calibrationHoldout(
  purchases: ReadonlyArray<TransactionInput>,
  options: CalibrationHoldoutOptions,
): CalibrationHoldoutSummary[] {
  parseOptions(calibrationHoldoutOptionsSchema, options, "calibrationHoldout");
  const calibrationDay = validDay(options.calibrationEnd, "calibrationEnd");
  const observationDay = validDay(options.observationEnd, "observationEnd");
  if (observationDay <= calibrationDay) {
    throw new BtydError("INVALID_INPUT", "observationEnd must be after calibrationEnd");
  }
  const divisor = unitDays(options.unit);
  const result: CalibrationHoldoutSummary[] = [];
  for (const [customerId, { days, spend }] of purchaseDaysByCustomer(purchases, observationDay)) {
    const calibration = summarise(customerId, days, spend, calibrationDay, divisor);
    if (calibration === undefined) continue;
    let frequencyHoldout = 0;
    let spendHoldout = 0;
    for (let i = 0; i < days.length; i++) {
      if (days[i]! > calibrationDay) {
        frequencyHoldout++;
        spendHoldout += spend[i]!;
      }
    }
    result.push({
      ...calibration,
      frequencyHoldout,
      monetaryValueHoldout: frequencyHoldout > 0 ? spendHoldout / frequencyHoldout : 0,
      durationHoldout: (observationDay - calibrationDay) / divisor,
    });
  }
  return result.sort(byCustomerId);
}

function summarise(
  customerId: string,
  days: readonly number[],
  spend: readonly number[],
  endDay: number,
  divisor: number,
): RfmSummary | undefined {
  const first = days[0];
  if (first === undefined || first > endDay) return undefined;
  let last = first;
  let frequency = 0;
  let repeatSpend = 0;
  for (let i = 1; i < days.length && days[i]! <= endDay; i++) {
    frequency++;
    repeatSpend += spend[i]!;
    last = days[i]!;
  }
  return {
    customerId,
    frequency,
    recency: (last - first) / divisor,
    T: (endDay - first) / divisor,
    monetaryValue: frequency > 0 ? repeatSpend / frequency : 0,
  };
}

function validDay(date: Date, name: string): number {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new BtydError("INVALID_INPUT", `${name} must be a valid Date`);
  }
  return utcDay(date);
}

function unitDays(unit: TimeUnit): number {
  if (unit === "days") return 1;
  if (unit === "weeks") return 7;
  throw new BtydError("INVALID_INPUT", `unit must be "days" or "weeks", got ${String(unit)}`);
}
