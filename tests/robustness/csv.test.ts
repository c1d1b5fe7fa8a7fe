import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { identifyAdvocates, InputFileError, parseCsv } from "../../src/index.js";
import { unicodeText } from "../fixtures/arbitraries.js";
import { firstNonFinite } from "../fixtures/inspect-output.js";

/** CSV-ish text: cells of hostile unicode joined by commas, quotes, CR, LF and CRLF, sometimes behind a BOM. */
const csvText = fc
  .tuple(
    fc.boolean(),
    fc.array(fc.oneof(unicodeText, fc.constantFrom(",", '"', '""', "\n", "\r\n", "\r", "customerId", "__proto__", "handles.twitter", "a.__proto__", "__proto__.x")), {
      maxLength: 30,
    }),
  )
  .map(([bom, parts]) => `${bom ? "\ufeff" : ""}${parts.join("")}`);

/** Headers with no dots that clash, including ones that are prototype properties of plain objects. */
const header = fc.constantFrom("customerId", "__proto__", "constructor", "toString", "hasOwnProperty", "\u00fc", "\u540d\u524d", "a b", "handles.twitter", "handles.__proto__", "answers.constructor");

describe("parseCsv on generated text", () => {
  it("returns records of text or throws InputFileError, and never touches Object.prototype", () => {
    fc.assert(
      fc.property(csvText, (input) => {
        let records;
        try {
          records = parseCsv(input, "generated.csv");
        } catch (error) {
          expect(error).toBeInstanceOf(InputFileError);
          expect((error as InputFileError).file).toBe("generated.csv");
          return;
        }
        expect(Array.isArray(records)).toBe(true);
        for (const record of records) {
          for (const value of Object.values(record)) {
            const cells = typeof value === "string" ? [value] : Object.values(value as Record<string, unknown>);
            for (const cell of cells) expect(typeof cell).toBe("string");
          }
        }
        expect(Object.prototype).not.toHaveProperty("x");
        expect(({} as Record<string, unknown>).x).toBeUndefined();
        // Whatever came out of a CSV is safe to hand to the pipeline (lenient: bad rows are reported, not thrown).
        const result = identifyAdvocates({ purchases: records, social: records }, { mode: "lenient", asOf: "2026-06-30" });
        expect(firstNonFinite(result)).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it("round-trips every quoted cell (trimmed), blank cells read as absent, dotted headers nest, __proto__ stays data", () => {
    // Two columns at least: in a one-column file a quoted empty cell ("") reads exactly like an empty line, which
    // papaparse (rightly) skips; with two, a row of blanks is a row of empty cells.
    const table = fc.uniqueArray(header, { minLength: 2, maxLength: 6 }).chain((columns) =>
      fc.tuple(fc.constant(columns), fc.array(fc.array(unicodeText, { minLength: columns.length, maxLength: columns.length }), { maxLength: 5 })),
    );
    fc.assert(
      fc.property(table, ([columns, rows]) => {
        const written = stringify(rows, { header: true, columns, quoted: true, quoted_empty: true, record_delimiter: "unix" });
        const records = parseCsv(written);
        // A row of blank cells only is still a row (its cells are quoted), but all its cells are absent.
        expect(records.length).toBe(rows.length);
        records.forEach((record, index) => {
          expect(Object.getPrototypeOf(record)).toBeNull();
          columns.forEach((column, columnIndex) => {
            // parseCsv reads a string as it is (a lone surrogate stays one); only bytes from a file are decoded as UTF-8.
            const cell = rows[index]![columnIndex]!;
            const dot = column.indexOf(".");
            const holder = dot > 0 ? (Object.getOwnPropertyDescriptor(record, column.slice(0, dot))?.value as Record<string, unknown> | undefined) : record;
            const key = dot > 0 ? column.slice(dot + 1) : column;
            const stored = holder === undefined ? undefined : Object.getOwnPropertyDescriptor(holder, key)?.value;
            // Cells are trimmed, quoted or not (stray spaces around values are far commoner in exports than
            // meaningful ones inside quotes).
            expect(stored).toBe(cell.trim() === "" ? undefined : cell.trim());
          });
        });
      }),
      { numRuns: 300 },
    );
  });
});
