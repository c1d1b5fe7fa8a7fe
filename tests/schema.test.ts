import { describe, expect, it } from "vitest";
import { identifyAdvocates, parseCsv, purchaseSchema, resolveOptions, socialSchema, surveySchema, validateData, ValidationError } from "../src/index.js";

describe("input validation", () => {
  it("names the source, row and field of every bad record, and what was expected", () => {
    const purchases = [
      { customerId: "c1", date: "2026-01-05", amount: 20 },
      { customerId: "c2", date: "2026-02-30", amount: 10 },
      { customerId: "c3", date: "2026-01-06", amount: "-4" },
      { customerId: "", date: "2026-01-06", amount: 3 },
    ];
    let thrown: unknown;
    try {
      validateData({ purchases }, resolveOptions({ sourceNames: { purchases: "purchases.csv" } }));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ValidationError);
    const error = thrown as ValidationError;
    expect(error.problems.map(({ row, field }) => `${row}:${field}`)).toEqual(["2:date", "3:amount", "4:customerId"]);
    expect(error.message).toContain("purchases.csv row 2, field date: expected a date");
    expect(error.message).toContain("purchases.csv row 3, field amount: expected an amount ≥ 0");
  });

  it("strict mode lists at most maxProblems problems but counts them all", () => {
    const purchases = Array.from({ length: 30 }, (_, index) => ({ customerId: `c${index}`, date: "not a date", amount: 1 }));
    try {
      validateData({ purchases }, resolveOptions({ maxProblems: 5 }));
      expect.unreachable();
    } catch (error) {
      expect((error as ValidationError).problems).toHaveLength(5);
      expect((error as ValidationError).total).toBe(30);
      expect((error as ValidationError).message).toContain("… and 25 more");
    }
  });

  it("lenient mode skips bad rows and reports each one, dropping nothing silently", () => {
    const result = identifyAdvocates(
      {
        purchases: [
          { customerId: "a", date: "2026-01-05", amount: 20 },
          { customerId: "b", date: "2026-01-05", amount: "twenty" },
        ],
        surveys: [{ customerId: "a", date: "2026-01-06", nps: 11 }],
      },
      { mode: "lenient", minimum: { loyalty: 0, commitment: 0, voice: 0 } },
    );
    expect(result.problems).toEqual([
      { source: "purchases", row: 2, field: "amount", message: 'expected a number, got "twenty"' },
      { source: "surveys", row: 1, field: "nps", message: "expected 0–10, got 11" },
    ]);
    expect(result.scored).toBe(1);
  });

  it("reads CSV-style strings: numbers, booleans, empty cells as absent", () => {
    const parsed = socialSchema.parse({
      customerId: "42",
      date: "20260105",
      platform: " Twitter ",
      type: "Reply",
      public: "no",
      mentionsBrand: "YES",
      sentiment: "",
      reach: "1200",
    });
    expect(parsed).toMatchObject({ customerId: "42", platform: "twitter", type: "reply", public: false, mentionsBrand: true, reach: 1200 });
    expect(parsed.sentiment).toBeUndefined();
    expect(socialSchema.parse({ customerId: "1", date: "2026-01-01", platform: "x", type: "post" }).public).toBe(true);
  });

  it("rejects NaN, Infinity and out-of-range values", () => {
    expect(purchaseSchema.safeParse({ customerId: "a", date: "2026-01-01", amount: Number.NaN }).success).toBe(false);
    expect(purchaseSchema.safeParse({ customerId: "a", date: "2026-01-01", amount: "Infinity" }).success).toBe(false);
    expect(surveySchema.safeParse({ customerId: "a", date: "2026-01-01", nps: 7.5 }).success).toBe(false);
    expect(surveySchema.safeParse({ customerId: "a", date: "2026-01-01", csat: 6 }).success).toBe(false);
    expect(socialSchema.safeParse({ customerId: "a", date: "2026-01-01", platform: "x", type: "banana" }).success).toBe(false);
    expect(purchaseSchema.safeParse({ customerId: "a", date: "3026-01-01", amount: 1 }).success).toBe(false);
    expect(purchaseSchema.safeParse({ customerId: "a", date: "2026-01-01", amount: Number.MAX_VALUE }).success).toBe(false);
    expect(socialSchema.safeParse({ customerId: "a", date: "2026-01-01", platform: "x", type: "post", reach: 1e300 }).success).toBe(false);
  });

  it("reads date-only values as UTC calendar days, whatever the machine's time zone (tests run in New York)", () => {
    expect(process.env.TZ).toBe("America/New_York");
    const beforeDst = purchaseSchema.parse({ customerId: "a", date: "2026-03-07", amount: 1 }).date;
    const afterDst = purchaseSchema.parse({ customerId: "a", date: "2026-03-09", amount: 1 }).date;
    expect(beforeDst.toISOString()).toBe("2026-03-07T00:00:00.000Z");
    expect((afterDst.getTime() - beforeDst.getTime()) / 86_400_000).toBe(2);
    expect(purchaseSchema.parse({ customerId: "a", date: "2026-03-08T23:30:00-05:00", amount: 1 }).date.toISOString()).toBe("2026-03-09T04:30:00.000Z");
    expect(purchaseSchema.parse({ customerId: "a", date: "2026-03-08 10:00", amount: 1 }).date.toISOString()).toBe("2026-03-08T10:00:00.000Z");
  });

  it("rejects invalid options with a message naming the option", () => {
    expect(() => resolveOptions({ weights: { voice: -1 } })).toThrow(/option weights\.voice/);
    expect(() => resolveOptions({ answerScale: { min: 5, max: 1 } })).toThrow(/answerScale/);
  });
});

describe("keys that are data", () => {
  it("reports an answers or handles key named __proto__ instead of dropping it silently", () => {
    const fromCsv = parseCsv("customerId,date,answers.__proto__,answers.love\nc1,2026-01-01,3,4\n");
    const fromJson = JSON.parse('{"customerId":"c2","handles":{"__proto__":"@x"}}') as Record<string, unknown>;
    try {
      validateData({ surveys: fromCsv, customers: [fromJson] }, resolveOptions());
      expect.unreachable();
    } catch (error) {
      expect((error as ValidationError).problems.map(({ source, field }) => `${source}:${field}`)).toEqual(["customers:handles.__proto__", "surveys:answers.__proto__"]);
    }
  });
});
