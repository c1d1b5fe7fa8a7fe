import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadData, prepareProfiles, profileFiles, rankProfiles, resolveOptions, ValidationError } from "../../src/index.js";

const sample = {
  customers: "examples/data/customers.csv",
  purchases: "examples/data/purchases.csv",
  surveys: "examples/data/surveys.csv",
  social: "examples/data/social.csv",
};

function folder(): string {
  return mkdtempSync(join(tmpdir(), "ba-read-"));
}

describe("profileFiles: files streamed in chunks give the profiles of reading them whole", () => {
  it("matches prepareProfiles on the bundled sample, in small chunks (hundreds of cuts) as in one", async () => {
    const { data, sourceNames } = await loadData(sample);
    const options = resolveOptions({ sourceNames });
    const whole = prepareProfiles(data, options);
    const chunked = await profileFiles(sample, {}, { workers: 0, chunkBytes: 4 * 1024 });
    expect(chunked.profiles.size).toBe(2930);
    expect(JSON.stringify([...chunked.profiles])).toBe(JSON.stringify([...whole.profiles]));
    expect(chunked.excluded).toEqual(whole.excluded);
    expect(chunked.asOfDay).toBe(whole.asOfDay);
    expect(JSON.stringify(rankProfiles(chunked, options))).toBe(JSON.stringify(rankProfiles(whole, options)));
  });

  it("never cuts inside a quoted field: newlines, commas and quotes in comments survive any chunk size", async () => {
    const dir = folder();
    const comment = 'Line one,\n"quoted" line two\r\nand three';
    const rows = Array.from({ length: 60 }, (_, index) => `c${index},2026-01-0${1 + (index % 9)},9,"${comment.replaceAll('"', '""')}"`);
    writeFileSync(join(dir, "surveys.csv"), `customerId,date,nps,comment\n${rows.join("\n")}\n`);
    for (const chunkBytes of [16, 37, 64, 1000]) {
      const prepared = await profileFiles({ surveys: join(dir, "surveys.csv") }, { asOf: "2026-02-01" }, { workers: 0, chunkBytes });
      expect(prepared.profiles.size).toBe(60);
      const profile = prepared.profiles.get("c59");
      expect(profile?.surveys[0]?.comment).toBe(comment);
      expect(profile?.surveys[0]?.ref).toEqual({ source: "surveys.csv", row: 60 });
    }
  });

  it("reads CRLF files with a byte-order mark, and trims cells", async () => {
    const dir = folder();
    writeFileSync(join(dir, "purchases.csv"), "\uFEFFcustomerId,date,amount\r\n a ,2026-01-02, 12.50\r\nb,2026-01-03,\"7\"\r\n");
    const prepared = await profileFiles({ purchases: join(dir, "purchases.csv") }, {}, { workers: 0 });
    expect([...prepared.profiles.keys()]).toEqual(["a", "b"]);
    expect(prepared.profiles.get("a")?.purchases.spend).toBe(12.5);
  });

  it("reports a ragged or malformed row as a bad row naming file and row (lenient: skipped, the rest read)", async () => {
    const dir = folder();
    const file = join(dir, "purchases.csv");
    writeFileSync(file, 'customerId,date,amount\na,2026-01-02,1\nb,2026-01-02\nc,2026-01-02,3,extra\nd,"2026-01-02,4\n');
    const lenient = await profileFiles({ purchases: file }, { mode: "lenient" }, { workers: 0 });
    expect([...lenient.profiles.keys()]).toEqual(["a"]);
    expect(lenient.problems.map(({ row, field }) => `${row}:${field}`)).toEqual(["2:(record)", "3:(record)", "4:(record)"]);
    expect(lenient.problems[0]?.message).toBe("expected 3 cells, as in the header; found 2");
    await expect(profileFiles({ purchases: file }, {}, { workers: 0 })).rejects.toBeInstanceOf(ValidationError);
  });

  it("reads NDJSON and JSON arrays, and names a line that is not JSON", async () => {
    const dir = folder();
    writeFileSync(join(dir, "purchases.ndjson"), '{"customerId":"a","date":"2026-01-02","amount":5}\n\nnot json\n{"customerId":"b","date":"2026-01-03","amount":6}\n');
    writeFileSync(join(dir, "social.json"), JSON.stringify([{ customerId: "a", date: "2026-01-04", platform: "twitter", type: "post", mentionsBrand: true, text: "Love it" }]));
    const prepared = await profileFiles({ purchases: join(dir, "purchases.ndjson"), social: join(dir, "social.json") }, { mode: "lenient" }, { workers: 0 });
    expect([...prepared.profiles.keys()]).toEqual(["a", "b"]);
    expect(prepared.problems).toEqual([{ source: "purchases.ndjson", row: 2, field: "(record)", message: "expected a JSON object on the line (not valid JSON)" }]);
    expect(prepared.profiles.get("a")?.social.public[0]?.sentiment).toBeGreaterThan(0);
  });

  it("takes several files of a kind, and tells apart two files with the same name by their paths", async () => {
    const [first, second] = [folder(), folder()];
    writeFileSync(join(first, "purchases.csv"), "customerId,date,amount\na,2026-01-02,1\n");
    writeFileSync(join(second, "purchases.csv"), "customerId,date,amount\na,2026-01-05,2\n");
    const prepared = await profileFiles({ purchases: [join(first, "purchases.csv"), join(second, "purchases.csv")] }, {}, { workers: 0 });
    const purchases = prepared.profiles.get("a")?.purchases;
    expect(purchases?.days).toHaveLength(2);
    expect(purchases?.first?.ref.source).not.toBe(purchases?.last?.ref.source);
    expect(purchases?.first?.ref.source).toMatch(/purchases\.csv$/);
  });

  it("reports a missing file as a file error, before reading anything", async () => {
    await expect(profileFiles({ purchases: "nowhere/purchases.csv" }, {}, { workers: 0 })).rejects.toThrow(/purchases\.csv: file not found/);
  });
});

describe("profileFiles on worker threads (the built package)", () => {
  it("gives byte-identical profiles and rankings with 0, 1 and 3 workers", async () => {
    const built = (await import("../../dist/index.js")) as unknown as typeof import("../../src/index.js");
    const results = [];
    for (const workers of [0, 1, 3]) {
      const prepared = await built.profileFiles(sample, {}, { workers, chunkBytes: 64 * 1024 });
      results.push(JSON.stringify([[...prepared.profiles], prepared.excluded, prepared.asOfDay, built.rankProfiles(prepared, built.resolveOptions())]));
    }
    expect(results[1]).toBe(results[0]);
    expect(results[2]).toBe(results[0]);
  });
});
