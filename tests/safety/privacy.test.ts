import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { identifyAdvocates, InputFileError, loadData, profileFiles, rankProfiles, resolveOptions } from "../../src/index.js";

function files(contents: Record<string, string | Uint8Array>): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), "privacy-"));
  return Object.fromEntries(Object.entries(contents).map(([name, content]) => [name, (writeFileSync(join(dir, name), content), join(dir, name))]));
}

/** Purchases for customers c1..c4 over a few months, enough to be listed with every minimum at 0. */
const PURCHASES = `customerId,date,amount\n${["c1", "c2", "c3", "c4"].flatMap((id) => ["2026-01-05", "2026-02-05", "2026-03-05"].map((date) => `${id},${date},10`)).join("\n")}\n`;
const everyone = { minimum: { loyalty: 0, commitment: 0, voice: 0 }, asOf: "2026-06-30" } as const;

async function listed(contents: Record<string, string | Uint8Array>, options: Record<string, unknown> = {}): Promise<{ ids: string[]; problems: string[]; warnings: readonly string[] }> {
  const paths = files(contents);
  const sources = Object.fromEntries(Object.entries(paths).map(([name, path]) => [name.replace(/\..*$/, ""), path]));
  const resolved = resolveOptions({ ...everyone, ...options });
  const result = rankProfiles(await profileFiles(sources, resolved), resolved);
  return { ids: result.advocates.map((advocate) => advocate.customerId), problems: result.problems.map((problem) => `${problem.row} ${problem.field}: ${problem.message}`), warnings: result.warnings };
}

describe("privacy and consent: an objection stops profiling", () => {
  it.each(["OptedOut", "opted_out", "optedout", "opt_out", "Opt-Out", "Opted Out"])("an opt-out column headed %s is read", async (header) => {
    const { ids } = await listed({ "customers.csv": `customerId,${header}\nc1,yes\nc2,no\n`, "purchases.csv": PURCHASES });
    expect(ids).not.toContain("c1");
    expect(ids).toContain("c2");
  });

  it("a column that looks like consent or an opt-out but is not read is an error, unless acknowledged", async () => {
    const paths = files({ "customers.csv": "customerId,Unsubscribed\nc1,yes\n", "purchases.csv": PURCHASES });
    const error = await profileFiles({ customers: paths["customers.csv"], purchases: paths["purchases.csv"] }).then(() => new Error("did not throw"), (caught: unknown) => caught as Error);
    expect(error).toBeInstanceOf(InputFileError);
    expect(error.message).toContain('column "Unsubscribed" looks like consent or an opt-out, but no field reads it');
    const mapped = await listed({ "customers.csv": "customerId,Unsubscribed\nc1,yes\n", "purchases.csv": PURCHASES }, { columns: { customers: { optedOut: "Unsubscribed" } } });
    expect(mapped.ids).not.toContain("c1");
    const acknowledged = await listed({ "customers.csv": "customerId,Unsubscribed\nc1,yes\n", "purchases.csv": PURCHASES }, { sources: { customers: { acknowledge: ["Unsubscribed"] } } });
    expect(acknowledged.ids).toContain("c1");
  });

  it("lenient mode: a ragged customers row (unquoted comma in the name) still excludes the customer it names, and says so", async () => {
    const { ids, problems } = await listed({ "customers.csv": "customerId,name,optedOut\nc1,Smith, Ann,yes\nc2,Bo,no\n", "purchases.csv": PURCHASES }, { mode: "lenient" });
    expect(ids).not.toContain("c1");
    expect(ids).toContain("c2");
    expect(problems).toEqual(['1 (record): expected 3 cells, as in the header; found 4; customer "c1" excluded, since the row could carry an opt-out']);
  });

  it("lenient mode: a quote that never closes excludes its customer, and the rows after it are still read", async () => {
    const customers = 'customerId,name,optedOut\nc1,"Ann,yes\nc2,Bo,yes\nc3,Cy,no\n';
    for (const read of ["profileFiles", "loadData"] as const) {
      const paths = files({ "customers.csv": customers, "purchases.csv": PURCHASES });
      const options = { mode: "lenient", ...everyone } as const;
      const result =
        read === "profileFiles"
          ? rankProfiles(await profileFiles({ customers: paths["customers.csv"], purchases: paths["purchases.csv"] }, options), resolveOptions(options))
          : identifyAdvocates((await loadData({ customers: paths["customers.csv"], purchases: paths["purchases.csv"] })).data, options);
      const ids = result.advocates.map((advocate) => advocate.customerId);
      expect(ids, read).not.toContain("c1");
      expect(ids, read).not.toContain("c2");
      expect(ids, read).toEqual(expect.arrayContaining(["c3", "c4"]));
      expect(result.problems.map((problem) => problem.message).join(" "), read).toContain("a quote that never closes");
    }
  });

  it("an opt-out given in purchase, survey or social rows (no customers row) is honoured", async () => {
    const { ids } = await listed({
      "purchases.csv": `${PURCHASES.replace("customerId,date,amount", "customerId,date,amount,optedOut").replace(/,10\n/g, ",10,\n")}c1,2026-04-01,5,yes\n`,
      "social.csv": "customerId,date,platform,text,optedOut\nc2,2026-04-02,twitter,hello,true\n",
    });
    expect(ids).not.toContain("c1");
    expect(ids).not.toContain("c2");
    expect(ids).toEqual(expect.arrayContaining(["c3", "c4"]));
  });

  it("an excluded customer's records move nothing: not 'as of', not anyone's score", async () => {
    const withLater = `${PURCHASES}c9,2027-06-01,1000\n`;
    const optedOut = "customerId,optedOut\nc9,yes\n";
    const paths = files({ "customers.csv": optedOut, "purchases.csv": withLater, "without.csv": PURCHASES, "crm.csv": "customerId\nc1\n" });
    const withIt = rankProfiles(await profileFiles({ customers: paths["customers.csv"], purchases: paths["purchases.csv"] }), resolveOptions({ minimum: everyone.minimum }));
    const without = rankProfiles(await profileFiles({ customers: paths["crm.csv"], purchases: paths["without.csv"] }), resolveOptions({ minimum: everyone.minimum }));
    expect(withIt.asOf).toBe("2026-03-05");
    const strip = (result: typeof withIt) => JSON.stringify(result.advocates.map(({ talkingPoints, ...advocate }) => ({ ...advocate, cites: talkingPoints.flatMap((point) => point.cites.map((cite) => (cite.kind === "record" ? cite.row : cite.id))) })));
    expect(strip(withIt)).toBe(strip(without));
  });

  it("conflicting consent: the latest by consentAt decides, else a no wins; an opt-out anywhere is never undone", async () => {
    const customers = [
      "customerId,consent,consentAt,optedOut",
      "c1,yes,2026-01-01,",
      "c1,no,2026-02-01,",
      "c2,no,2026-01-01,",
      "c2,yes,2026-03-01,",
      "c3,yes,,",
      "c3,no,,",
      "c4,yes,,no",
      "c4,yes,2026-05-01,yes",
    ].join("\n");
    const { ids } = await listed({ "customers.csv": `${customers}\n`, "purchases.csv": PURCHASES }, { requireConsent: true });
    expect(ids).toEqual(["c2"]);
  });

  it("invalid UTF-8 in IDs is reported, never merged into one customer", async () => {
    const bytes = Buffer.concat([Buffer.from("customerId,date,amount\nC"), Buffer.from([0xff]), Buffer.from("1,2026-01-01,5\nC"), Buffer.from([0xfe]), Buffer.from("1,2026-01-02,5\nC2,2026-01-03,5\n")]);
    const { ids, problems, warnings } = await listed({ "purchases.csv": bytes }, { mode: "lenient" });
    expect(ids).toEqual(["C2"]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain("customerId: has bytes that are not valid UTF-8");
    expect(warnings.join(" ")).toContain("purchases.csv: some bytes are not valid UTF-8");
  });

  it("nothing dated after 'as of' reaches the output: talking points, their citations, knowledge", async () => {
    const purchases = "customerId,date,amount,product\nc1,2025-01-05,10,Beans\nc1,2025-02-05,10,Beans\nc1,2026-08-01,99,Grinder\nc1,2027-01-01,10,Beans\n";
    const surveys = "customerId,date,nps,comment\nc1,2025-03-01,10,Love the beans\nc1,2027-01-15,10,Still love it\n";
    const social = "customerId,date,platform,text,mentionsBrand,sentiment\nc1,2025-03-02,twitter,Northwind beans are wonderful,true,0.9\nc1,2027-02-01,twitter,Northwind is the best ever,true,0.9\n";
    const paths = files({ "purchases.csv": purchases, "surveys.csv": surveys, "social.csv": social });
    const options = resolveOptions({ ...everyone, asOf: "2026-06-30" });
    const result = rankProfiles(await profileFiles({ purchases: paths["purchases.csv"], surveys: paths["surveys.csv"], social: paths["social.csv"] }, options), options);
    const advocate = result.advocates[0]!;
    const text = JSON.stringify({ talkingPoints: advocate.talkingPoints, knowledge: advocate.knowledge });
    expect(text).not.toMatch(/2026-08|2027|Grinder|Still love it|the best ever/);
    const cited = advocate.talkingPoints.flatMap((point) => point.cites).filter((cite) => cite.kind === "record");
    const late = { "purchases.csv": [3, 4], "surveys.csv": [2], "social.csv": [2] } as Record<string, number[]>;
    for (const cite of cited) if (cite.kind === "record") expect(late[cite.source] ?? []).not.toContain(cite.row);
  });

  it("a 0-byte customers file is an error (opt-outs would be lost) unless allowed; other empty files are a warning", async () => {
    const paths = files({ "customers.csv": "", "purchases.csv": PURCHASES, "social.csv": "" });
    await expect(profileFiles({ customers: paths["customers.csv"], purchases: paths["purchases.csv"] })).rejects.toThrow(/customers\.csv: the customers file holds no records, so no opt-out could be read/);
    await expect(loadData({ customers: paths["customers.csv"], purchases: paths["purchases.csv"] })).rejects.toThrow(/no opt-out could be read/);
    const allowed = await profileFiles({ customers: { file: paths["customers.csv"] as string, allowEmpty: true }, purchases: paths["purchases.csv"], social: paths["social.csv"] });
    expect(allowed.profiles.size).toBe(4);
    expect(allowed.warnings).toContain("social.csv: no records (the file is empty or holds only a header)");
    expect(allowed.warnings.join(" ")).not.toContain("customers.csv");
  });

  it("exact duplicate purchase rows are reported, and dropped with dedupe (counted)", async () => {
    const purchases = "customerId,date,amount,orderId,product\nc1,2026-01-05,10,o1,Beans\nc1,2026-01-05,10,o1,Beans\nc1,2026-01-05,10,,Beans\nc1,2026-01-05,10,,Beans\nc1,2026-02-05,10,o2,Beans\n";
    const paths = files({ "purchases.csv": purchases });
    const counted = await profileFiles({ purchases: paths["purchases.csv"] as string });
    expect(counted.duplicatePurchases).toMatchObject({ rows: 1, dropped: 0, examples: [{ repeat: { source: "purchases.csv", row: 2 }, of: { source: "purchases.csv", row: 1 } }] });
    expect(counted.warnings.join(" ")).toContain("1 purchase row repeats an earlier row exactly");
    expect(counted.profiles.get("c1")?.purchases.spend).toBe(50);
    const dropped = await profileFiles({ purchases: paths["purchases.csv"] as string }, { dedupe: true });
    expect(dropped.duplicatePurchases).toMatchObject({ rows: 1, dropped: 1 });
    expect(dropped.profiles.get("c1")?.purchases.spend).toBe(40);
  });

  it("property: however a customers row is broken in lenient mode, a customer it names with an opt-out column is never listed", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("Smith, Ann", '"Ann', 'A"n"n', "Ann\r"), fc.boolean(), async (name, quoteAll) => {
        const row = quoteAll ? `c1,${name},yes` : `c1,${name},yes`;
        const { ids } = await listed({ "customers.csv": `customerId,name,optedOut\n${row}\nc2,Bo,no\n`, "purchases.csv": PURCHASES }, { mode: "lenient" });
        expect(ids).not.toContain("c1");
      }),
      { numRuns: 12 },
    );
  });
});
