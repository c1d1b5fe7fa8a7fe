import { beforeAll, describe, expect, it } from "vitest";
import {
  BtydError,
  calibrationHoldout,
  rfmSummary,
  type TransactionInput,
} from "../../src/loyalty/btyd/index.js";
import { lacks } from "../fixtures/data-location.js";
import { cdnowSampleTransactions, cdnowSummary } from "./cdnow.js";

const utc = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const row = (customerId: string, iso: string, amount = 10, returned?: boolean): TransactionInput =>
  returned === undefined ? { customerId, date: new Date(iso), amount } : { customerId, date: new Date(iso), amount, returned };

describe.skipIf(lacks("cdnow"))("rfmSummary on CDNOW", () => {
  let transactions: TransactionInput[];
  let summaries: ReturnType<typeof rfmSummary>;
  beforeAll(() => {
    transactions = cdnowSampleTransactions();
    summaries = rfmSummary(transactions, { asOf: utc("1998-06-30"), calibrationEnd: utc("1997-09-30"), unit: "weeks" });
  });

  it("reproduces cdnow_customers_summary.csv for all 2,357 customers within its 2-decimal rounding", () => {
    const published = cdnowSummary();
    expect(summaries).toHaveLength(2357);
    const mine = new Map(summaries.map((s) => [s.customerId, s]));
    let worst = 0;
    for (const p of published) {
      const s = mine.get(p.customerId);
      expect(s, p.customerId).toBeDefined();
      expect(s!.frequency).toBe(p.frequency);
      worst = Math.max(worst, Math.abs(s!.recency - p.recency), Math.abs(s!.T - p.T));
    }
    expect(worst).toBeLessThanOrEqual(0.005 + 1e-9);
    expect(summaries.reduce((sum, s) => sum + s.frequency, 0)).toBe(2457);
    expect(summaries.filter((s) => s.frequency === 0)).toHaveLength(1411);
  });

  it("is sorted by customerId in code-unit order", () => {
    const ids = summaries.map((s) => s.customerId);
    expect(ids).toEqual([...ids].sort());
  });

  it("calibrationHoldout agrees with rfmSummary and counts holdout purchase days", () => {
    const split = calibrationHoldout(transactions, {
      calibrationEnd: utc("1997-09-30"),
      observationEnd: utc("1998-06-30"),
      unit: "weeks",
    });
    expect(split).toHaveLength(2357);
    const first = split[0]!;
    const same = summaries[0]!;
    expect([first.frequency, first.recency, first.T]).toEqual([same.frequency, same.recency, same.T]);
    expect(first.durationHoldout).toBeCloseTo(273 / 7, 12); // 1997-09-30 → 1998-06-30
    // Every distinct purchase day after 1997-09-30 is a holdout day.
    const holdoutDays = new Set(
      transactions.filter((t) => t.date > utc("1997-09-30")).map((t) => `${t.customerId}|${t.date.getTime()}`),
    );
    expect(split.reduce((sum, s) => sum + s.frequencyHoldout, 0)).toBe(holdoutDays.size);
  });
});

describe("rfmSummary conventions and degenerate rows", () => {
  const asOf = utc("2024-03-31");

  it("merges same-day purchases, excludes the first day from frequency and spend", () => {
    const [s] = rfmSummary(
      [
        row("a", "2024-03-01T09:00:00Z", 5),
        row("a", "2024-03-01T23:59:59Z", 7), // same UTC day as the first
        row("a", "2024-03-08T10:00:00Z", 20),
        row("a", "2024-03-15T10:00:00Z", 10),
        row("a", "2024-03-15T11:00:00Z", 30),
      ],
      { asOf, unit: "days" },
    );
    expect(s).toEqual({ customerId: "a", frequency: 2, recency: 14, T: 30, monetaryValue: 30 });
  });

  it("single-purchase customers and all purchases on one day have frequency 0 and spend 0", () => {
    const out = rfmSummary(
      [row("single", "2024-03-10T12:00:00Z"), row("oneday", "2024-03-20T01:00:00Z"), row("oneday", "2024-03-20T22:00:00Z")],
      { asOf, unit: "weeks" },
    );
    expect(out).toEqual([
      { customerId: "oneday", frequency: 0, recency: 0, T: 11 / 7, monetaryValue: 0 },
      { customerId: "single", frequency: 0, recency: 0, T: 3, monetaryValue: 0 },
    ]);
  });

  it("zero amounts count as purchase occasions; returned rows are ignored", () => {
    const out = rfmSummary(
      [
        row("z", "2024-03-01T12:00:00Z", 10),
        row("z", "2024-03-05T12:00:00Z", 0),
        row("z", "2024-03-09T12:00:00Z", 20, true),
        row("z", "2024-03-11T12:00:00Z", 8, false),
        row("onlyReturned", "2024-03-02T12:00:00Z", 50, true),
      ],
      { asOf, unit: "days" },
    );
    expect(out).toEqual([{ customerId: "z", frequency: 2, recency: 10, T: 30, monetaryValue: 4 }]);
  });

  it("throws a typed error for future-dated and invalid rows", () => {
    const future = () => rfmSummary([row("a", "2024-04-01T00:00:01Z")], { asOf, unit: "days" });
    expect(future).toThrow(BtydError);
    expect(future).toThrow(/after the observation end/);
    try {
      future();
    } catch (error) {
      expect((error as BtydError).code).toBe("FUTURE_PURCHASE");
    }
    // Later the same UTC day as asOf is not the future: days are the unit of time.
    expect(rfmSummary([row("a", "2024-03-31T23:00:00Z")], { asOf, unit: "days" })[0]!.T).toBe(0);
    expect(() => rfmSummary([row("a", "2024-03-01T00:00:00Z", Number.NaN)], { asOf, unit: "days" })).toThrow(BtydError);
    expect(() => rfmSummary([row("a", "2024-03-01T00:00:00Z", -5)], { asOf, unit: "days" })).toThrow(/returned: true/);
    expect(() => rfmSummary([{ customerId: "a", date: new Date("nope"), amount: 1 }], { asOf, unit: "days" })).toThrow(
      BtydError,
    );
  });

  it("treats customer ids as data: __proto__, constructor and toString work", () => {
    const out = rfmSummary(
      [
        row("__proto__", "2024-03-01T12:00:00Z"),
        row("__proto__", "2024-03-03T12:00:00Z"),
        row("constructor", "2024-03-02T12:00:00Z"),
        row("toString", "2024-03-02T12:00:00Z"),
      ],
      { asOf, unit: "days" },
    );
    expect(out.map((s) => [s.customerId, s.frequency])).toEqual([
      ["__proto__", 1],
      ["constructor", 0],
      ["toString", 0],
    ]);
  });

  it("counts days in UTC: purchases on 2024-03-10 and 2024-03-11 (New York DST change) are 1 day apart", () => {
    expect(process.env.TZ).toBe("America/New_York");
    // Local New York noon on each day; the clocks sprang forward in between.
    const out = rfmSummary(
      [
        { customerId: "d", date: new Date(2024, 2, 10, 12), amount: 1 },
        { customerId: "d", date: new Date(2024, 2, 11, 12), amount: 1 },
      ],
      { asOf: new Date(2024, 2, 11, 12), unit: "days" },
    );
    expect(out[0]).toMatchObject({ frequency: 1, recency: 1, T: 1 });
  });

  it("calibrationEnd drops later purchases and later first-time customers without error", () => {
    const out = rfmSummary(
      [row("a", "2024-03-01T00:00:00Z"), row("a", "2024-03-20T00:00:00Z"), row("late", "2024-03-25T00:00:00Z")],
      { asOf, calibrationEnd: utc("2024-03-15"), unit: "days" },
    );
    expect(out).toEqual([{ customerId: "a", frequency: 0, recency: 0, T: 14, monetaryValue: 0 }]);
    expect(() => rfmSummary([], { asOf, calibrationEnd: utc("2024-04-15"), unit: "days" })).toThrow(BtydError);
  });
});
