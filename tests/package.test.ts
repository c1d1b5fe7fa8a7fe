import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

interface PackedFile {
  readonly path: string;
}

describe("the npm package", () => {
  // What `npm publish` would ship, from the built package (global setup builds dist/).
  const [packed] = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { encoding: "utf8" })) as Array<{ files: PackedFile[] }>;
  const files = packed!.files.map((file) => file.path);

  it("ships the MIT licence its package.json declares", () => {
    expect(JSON.parse(readFileSync("package.json", "utf8")).license).toBe("MIT");
    expect(files).toContain("LICENSE");
    const licence = readFileSync("LICENSE", "utf8");
    expect(licence).toMatch(/^MIT License\n\nCopyright \(c\) 2026 brand-advocates contributors\n/);
    expect(licence).toContain('THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND');
  });

  it("ships the build and its docs, and no test data", () => {
    expect(files).toEqual(expect.arrayContaining(["package.json", "README.md", "dist/index.js", "dist/index.cjs", "dist/cli.js", "dist/udf/score.js"]));
    for (const file of files) {
      expect(file, file).toMatch(/^(package\.json|README\.md|LICENSE|dist\/.+)$/);
      expect(file, file).not.toMatch(/(^|\/)(tests?|shared|fixtures|examples)\/|\.(csv|ndjson|jsonl|tsv|xlsx?|zip|gz)$/i);
    }
  });
});
