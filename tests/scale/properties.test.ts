import fc from "fast-check";
import { describe, expect, it } from "vitest";
import Papa from "papaparse";
import {
  ABSENT,
  customerSchema,
  mergeStores,
  nestColumns,
  prepareProfiles,
  purchaseSchema,
  RecordValidator,
  resolveOptions,
  socialSchema,
  surveySchema,
  type AdvocateData,
} from "../../src/index.js";
import { lastRecordEnd } from "../../src/io/record-boundaries.js";
import { parseCsvText } from "../../src/io/csv-text.js";
import { messyData, validData, type GeneratedData } from "../fixtures/arbitraries.js";

const SCHEMAS = { customers: customerSchema, purchases: purchaseSchema, surveys: surveySchema, social: socialSchema } as const;

/** zod's own verdict, in the validator's terms. */
function zodVerdict(schema: (typeof SCHEMAS)[keyof typeof SCHEMAS], raw: unknown) {
  const parsed = schema.safeParse(raw);
  return parsed.success ? { ok: true, record: parsed.data } : { ok: false, issues: parsed.error.issues.map((issue) => ({ field: issue.path.length > 0 ? issue.path.map(String).join(".") : "(record)", message: issue.message })) };
}

describe("RecordValidator gives zod's verdict on every record (memoised and batched as it is)", () => {
  it("row by row, on hostile and junk rows of every kind", () => {
    fc.assert(
      fc.property(messyData(), (data) => {
        for (const kind of ["customers", "purchases", "surveys", "social"] as const) {
          const validator = new RecordValidator(SCHEMAS[kind] as never);
          // Twice over the same rows: the second pass is served from the memoised verdicts.
          for (const rows of [data[kind], data[kind]]) for (const raw of rows) expect(validator.validate(raw)).toStrictEqual(zodVerdict(SCHEMAS[kind], raw));
        }
      }),
      { numRuns: 120 },
    );
  });

  it("column by column (the CSV reader's batches), on cells of any text", () => {
    const cell = fc.oneof(fc.constantFrom("", " ", "2026-01-05", "20260105", "2026-02-30", "12.50", "-1", "0x10", "true", "no", "maybe", "C1", " C1 "), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(fc.record({ customerId: cell, date: cell, amount: cell, returned: cell, product: cell }), { maxLength: 40 }), (rows) => {
        const validator = new RecordValidator(purchaseSchema as never);
        const keys = validator.keys;
        // As the CSV reader hands cells over: an empty cell is an absent key.
        const columns = keys.map((key) => rows.map((row) => ((row as Record<string, string>)[key] ?? "").trim() || undefined));
        const absentAware = columns.map((column) => column.map((value) => (value === undefined ? ABSENT_MARK : value)));
        const { values, issues } = validator.checkColumns(absentAware.map((column) => column.map((value) => (value === ABSENT_MARK ? ABSENT : value))), rows.length);
        rows.forEach((row, index) => {
          // The reader trims cells, so zod is asked about the trimmed cells too (messages quote the value they saw).
          const trimmed = Object.fromEntries(Object.entries(row as Record<string, string>).map(([key, value]) => [key, value.trim()]));
          const expected = zodVerdict(purchaseSchema, nestColumns(trimmed));
          if (expected.ok) {
            expect(issues[index]).toBeUndefined();
            const record = Object.fromEntries(keys.map((key, at) => [key, values[at]?.[index]]).filter(([, value]) => value !== undefined));
            expect(record).toEqual(expected.record);
          } else expect(issues[index]).toEqual(expected.issues);
        });
      }),
      { numRuns: 200 },
    );
  });
});

const ABSENT_MARK = Symbol("absent-mark");

describe("profile stores merge exactly", () => {
  it("profiling records split into parts and merging the parts' stores equals profiling them in one pass", () => {
    fc.assert(
      fc.property(validData(), fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 200 }), (data: GeneratedData, assignment) => {
        const options = resolveOptions({ asOf: "2026-06-30" });
        const whole = prepareProfiles(data as AdvocateData, options);
        // Deal every purchase, survey and post into up to four parts; customer records go with every part.
        const parts = [0, 1, 2, 3].map((part) => {
          const dealt = (rows: readonly unknown[]) => rows.map((row, index) => ((assignment[index % assignment.length] ?? 0) === part ? row : undefined));
          return { customers: data.customers, purchases: dealt(data.purchases), surveys: dealt(data.surveys), social: dealt(data.social) };
        });
        // Rows keep their numbers (an undefined row is a skipped line), so citations agree with the one pass.
        const stores = parts.map((part) => prepareProfiles(part as unknown as AdvocateData, resolveOptions({ asOf: "2026-06-30", mode: "lenient" })).profiles);
        const merged = mergeStores(stores).store;
        expect(JSON.stringify([...merged])).toBe(JSON.stringify([...whole.profiles]));
      }),
      { numRuns: 60 },
    );
  });
});

describe("record boundaries", () => {
  it("cutting CSV text at the last record end and parsing both sides reads the same rows as parsing it whole", () => {
    const field = fc.oneof(fc.constantFrom("", "a", "b c", 'say "hi"', "x,y", "line\nbreak", "crlf\r\nbreak", " ", "\u00e9"), fc.string({ maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 400 }), fc.boolean(), (rows, cutAt, crlf) => {
        const newline = crlf ? "\r\n" : "\n";
        const text = Papa.unparse(rows, { newline, quotes: rows.map(() => true) }) + newline;
        const bytes = Buffer.from(text, "utf8");
        const cut = lastRecordEnd(bytes.subarray(0, Math.min(cutAt, bytes.length)), newline);
        const head = parseCsvText(bytes.subarray(0, cut).toString("utf8"), newline).rows;
        const tail = parseCsvText(bytes.subarray(cut).toString("utf8"), newline).rows;
        expect([...head, ...tail]).toEqual(parseCsvText(text, newline).rows);
      }),
      { numRuns: 400 },
    );
  });
});
