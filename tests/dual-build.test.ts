import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { archetypeData } from "./fixtures/archetypes.js";

type Library = typeof import("../src/index.js");

describe("the built package", () => {
  it("imports as ESM and requires as CommonJS, and both give byte-identical results", async () => {
    const esm = (await import("../dist/index.js")) as unknown as Library;
    const cjs = createRequire(import.meta.url)("../dist/index.cjs") as Library;
    const data = archetypeData();
    const fromEsm = JSON.stringify(esm.identifyAdvocates(data));
    const fromCjs = JSON.stringify(cjs.identifyAdvocates(data));
    expect(fromEsm.length).toBeGreaterThan(1000);
    expect(fromCjs).toBe(fromEsm);
    expect(typeof cjs.score).toBe("function");
  });
});
