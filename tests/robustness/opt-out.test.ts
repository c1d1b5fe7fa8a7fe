import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  armAdvocates,
  backtest,
  customerSchema,
  explainCustomer,
  fitModelToProfiles,
  identifyAdvocates,
  prepareProfiles,
  resolveOptions,
  score,
  type AdvocateOptionsInput,
} from "../../src/index.js";
import { messyData, normaliseId, purchaseRow, saysYes, SECRET, SOURCES, validData, validOptions, type GeneratedData } from "../fixtures/arbitraries.js";
import { firstTraceOf } from "../fixtures/inspect-output.js";

function isRecord(row: unknown): row is Record<string, unknown> {
  return row !== null && typeof row === "object" && !Array.isArray(row) && !(row instanceof Date) && !(row instanceof Map);
}

/**
 * Who opted out, judged from the raw rows: a customer row that is valid as a whole and says `optedOut` in one of
 * the documented spellings. (A row whose other fields are invalid is skipped in lenient mode; see the report.)
 */
function optedOutIds(data: GeneratedData): Set<string> {
  const ids = new Set<string>();
  for (const row of data.customers) {
    if (!isRecord(row) || !saysYes(row.optedOut) || !customerSchema.safeParse(row).success) continue;
    const id = normaliseId(row.customerId);
    if (id !== undefined) ids.add(id);
  }
  return ids;
}

/** Copies the data and writes a per-customer marker into every free-text field of the opted-out customers' records. */
function marked(data: GeneratedData, ids: ReadonlySet<string>): { data: GeneratedData; markers: string[] } {
  const order = [...ids];
  const markerOf = (id: string): string => `${SECRET}-${order.indexOf(id)}`;
  const textFields: Record<(typeof SOURCES)[number], readonly string[]> = {
    customers: [],
    purchases: ["product"],
    surveys: ["comment"],
    social: ["text"],
  };
  const copy = (source: (typeof SOURCES)[number]) =>
    data[source].map((row) => {
      if (!isRecord(row)) return row;
      const id = normaliseId(row.customerId);
      if (id === undefined || !ids.has(id)) return row;
      const out: Record<string, unknown> = { ...row };
      for (const field of textFields[source]) out[field] = `${markerOf(id)} great coffee, love it ${typeof row[field] === "string" ? row[field] : ""}`;
      return out;
    });
  return {
    data: { customers: copy("customers"), purchases: copy("purchases"), surveys: copy("surveys"), social: copy("social") },
    markers: order.map(markerOf),
  };
}

/** Every output the public API gives for the data: ranking (with personas), kits and alerts, explanations, backtest. */
function everyOutput(data: GeneratedData, options: AdvocateOptionsInput): unknown[] {
  const result = identifyAdvocates(data, options);
  const armed = armAdvocates(result.advocates, { platform: "twitter", text: "Shipping is slow and support never answers" }, { brand: "Brand", maxPerThread: 5, maxAlerts: 50 });
  const resolved = resolveOptions(options);
  const prepared = prepareProfiles(data, resolved);
  const model = fitModelToProfiles(prepared.profiles, prepared.asOfDay, resolved);
  const explained = [...prepared.profiles.values()].map((profile) => explainCustomer(score(profile, model)));
  const outputs: unknown[] = [result, armed, prepared.profiles, explained];
  try {
    outputs.push(backtest(data, { splitDate: "2023-01-01", mode: resolved.mode, k: 10 }));
  } catch (error) {
    // No event after the split: nothing to backtest on this data.
    if (!(error instanceof RangeError && error.message.startsWith("backtest:"))) throw error;
  }
  return outputs;
}

describe("opted-out customers never appear in any output", () => {
  it("valid hostile data, strict mode: not ranked, armed, alerted, profiled, explained or clustered", () => {
    fc.assert(
      fc.property(validData(), validOptions, (raw, options) => {
        const ids = optedOutIds(raw);
        fc.pre(ids.size > 0);
        const { data, markers } = marked(raw, ids);
        const all = { ...options, asOf: options.asOf ?? "2026-06-30", personas: options.personas ?? 2, mode: "strict" as const };
        const outputs = everyOutput(data, all);
        expect(firstTraceOf(outputs, ids, markers)).toBeUndefined();
        expect((outputs[0] as ReturnType<typeof identifyAdvocates>).excluded.optedOut).toBe(ids.size);
      }),
      { numRuns: 80 },
    );
  });

  it("messy data, lenient mode: an opt-out on a valid row holds whatever else is wrong in the data", () => {
    fc.assert(
      fc.property(messyData(), fc.boolean(), (raw, requireConsent) => {
        const ids = optedOutIds(raw);
        fc.pre(ids.size > 0);
        const { data, markers } = marked(raw, ids);
        const outputs = everyOutput(data, { mode: "lenient", asOf: "2026-06-30", personas: 2, requireConsent, minimum: { loyalty: 0, commitment: 0, voice: 0 } });
        expect(firstTraceOf(outputs, ids, markers)).toBeUndefined();
      }),
      { numRuns: 80 },
    );
  });

  it("opting out one of two look-alike IDs (0042/42, composed/decomposed é, a/A, -0/0) leaves the other in", () => {
    const lookalikes = fc.constantFrom<[string | number, string | number]>(["0042", 42], ["42", "0042"], ["\u00e9", "e\u0301"], ["a", "A"], ["-0", 0], ["0", "-0"], [" padded", "padded."]);
    const cases = lookalikes.chain(([out, kept]) =>
      fc.tuple(fc.constant([out, kept] as const), fc.array(purchaseRow(fc.constantFrom(out, kept)), { minLength: 2, maxLength: 8 }), fc.constantFrom(true, "yes", "Y", 1)),
    );
    fc.assert(
      fc.property(cases, ([[out, kept], purchases, yes]) => {
        const data = { customers: [{ customerId: out, optedOut: yes }], purchases: [...purchases, { customerId: kept, date: "2024-05-01", amount: 3 }, { customerId: out, date: "2024-05-02", amount: 4 }] };
        const prepared = prepareProfiles(data, resolveOptions({ asOf: "2026-06-30" }));
        expect(prepared.profiles.has(normaliseId(out)!)).toBe(false);
        expect(prepared.profiles.has(normaliseId(kept)!)).toBe(true);
        expect(prepared.excluded.optedOut).toBe(1);
      }),
      { numRuns: 60 },
    );
  });
});
