import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fileChunks } from "../../src/io/file-chunks.js";
import { identifyAdvocates, loadData, profileFiles } from "../../src/index.js";

function files(contents: Record<string, string | Uint8Array>): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), "reading-"));
  return Object.fromEntries(Object.entries(contents).map(([name, content]) => [name, (writeFileSync(join(dir, name), content), join(dir, name))]));
}

const lenient = { mode: "lenient", asOf: "2026-06-30" } as const;

describe("reading that does not fall over", () => {
  it("NDJSON is cut into chunks at line ends, whatever quotes the JSON holds (not one chunk for the whole file)", async () => {
    const line = (index: number) => JSON.stringify({ customerId: `c${index % 500}`, date: "2026-01-05", platform: "twitter", text: `"quoted" text, with a comma ${index}` });
    const paths = files({ "social.ndjson": `${Array.from({ length: 60_000 }, (_, index) => line(index)).join("\n")}\n` });
    const sizes: number[] = [];
    for await (const chunk of fileChunks(paths["social.ndjson"] as string, "social", "social.ndjson", { firstId: 0, chunkBytes: 64 << 10 })) {
      if (chunk.format === "ndjson") sizes.push(chunk.bytes.length);
    }
    // The file (~6 MB) is read in pieces of 1 MiB: every piece past the chunk size ends a chunk at its last line end.
    expect(sizes.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...sizes)).toBeLessThanOrEqual((64 << 10) + (1 << 20));
  });

  it("loadData and profileFiles read a broken file by one rule and one numbering: bad rows are problems, not file errors", async () => {
    const csv = "customerId,date,amount\nc1,2026-01-05,10\nc2,2026-01-06\nc3,2026-01-07,x\n\nc4,2026-01-08,4\n";
    const ndjson = '{"customerId":"c1","date":"2026-01-05","amount":1}\n\n{"customerId":"c2",\n{"customerId":"c3","date":"soon","amount":1}\n{"customerId":"c4","date":"2026-01-08","amount":4}\n';
    const paths = files({ "p.csv": csv, "p.ndjson": ndjson });
    for (const file of ["p.csv", "p.ndjson"]) {
      const viaLoad = identifyAdvocates((await loadData({ purchases: paths[file] as string })).data, lenient).problems;
      const viaFiles = (await profileFiles({ purchases: paths[file] as string }, lenient)).problems;
      expect(viaLoad, file).toEqual(viaFiles);
      expect(viaLoad.map((problem) => problem.row), file).toEqual([2, 3]);
    }
  });

  it("a record longer than the limit is one bad row, found at once, and reading goes on at the next line", async () => {
    const long = "x".repeat(3 << 20);
    const paths = files({
      "p.csv": `customerId,date,amount,product\nc1,2026-01-05,10,Beans\nc2,2026-01-06,5,${long}\nc3,2026-01-07,7,Mug\n`,
      "flat.csv": `customerId,date,amount\nc1,2026-01-05,${"9".repeat(2 << 20)}`,
      "open.csv": `customerId,date,amount,product\nc1,2026-01-05,10,"never closed${"y".repeat(2 << 20)}\nc3,2026-01-07,7,Mug\n`,
    });
    const prepared = await profileFiles({ purchases: paths["p.csv"] as string }, lenient);
    expect([...prepared.profiles.keys()]).toEqual(["c1", "c3"]);
    expect(prepared.problems).toEqual([{ source: "p.csv", row: 2, field: "(record)", message: expect.stringContaining("a record longer than 1,048,576 bytes") }]);
    const flat = await profileFiles({ purchases: paths["flat.csv"] as string }, lenient);
    expect(flat.profiles.size).toBe(0);
    expect(flat.problems.map((problem) => problem.message)).toEqual([expect.stringContaining("a record longer than")]);
    const open = await profileFiles({ purchases: paths["open.csv"] as string }, lenient);
    expect([...open.profiles.keys()]).toEqual(["c1", "c3"].filter((id) => id !== "c1"));
    const small = await profileFiles({ purchases: paths["p.csv"] as string }, lenient, { maxRecordBytes: 16 });
    expect(small.problems.length).toBe(3);
  });
});
