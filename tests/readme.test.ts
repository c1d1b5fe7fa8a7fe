import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
// Inside the package, so `import … from "brand-advocates"` resolves to the built package by its own name.
const CHECK = `${ROOT}.readme-check/`;

/** The README's TypeScript code blocks, in order. */
function typescriptBlocks(): string[] {
  const readme = readFileSync(`${ROOT}README.md`, "utf8");
  return [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1] as string);
}

describe("the README's code", () => {
  it("every TypeScript block compiles under --strict against the built package", () => {
    const blocks = typescriptBlocks();
    expect(blocks.length).toBeGreaterThanOrEqual(5);
    rmSync(CHECK, { recursive: true, force: true });
    mkdirSync(CHECK, { recursive: true });
    blocks.forEach((block, index) => writeFileSync(`${CHECK}block-${index + 1}.ts`, `${block}\nexport {};\n`));
    // The warehouse example talks to BigQuery through its client, which is not a dependency of this package.
    writeFileSync(`${CHECK}bigquery.d.ts`, 'declare module "@google-cloud/bigquery" {\n  export class BigQuery {\n    query(sql: string): Promise<[Array<Record<string, any>>]>;\n  }\n}\n');
    writeFileSync(
      `${CHECK}tsconfig.json`,
      JSON.stringify({
        compilerOptions: { strict: true, target: "ES2022", lib: ["ES2022"], module: "NodeNext", moduleResolution: "NodeNext", noEmit: true, skipLibCheck: true, types: ["node"], typeRoots: [`${ROOT}node_modules/@types`] },
        include: ["*.ts"],
      }),
    );
    const run = spawnSync(process.execPath, [`${ROOT}node_modules/typescript/bin/tsc`, "-p", `${CHECK}tsconfig.json`], { encoding: "utf8" });
    expect(run.stdout + run.stderr, "tsc output").toBe("");
    expect(run.status).toBe(0);
  });
});
