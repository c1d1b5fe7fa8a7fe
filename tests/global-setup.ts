import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

/** Tests of the built package (CLI, ESM/CJS parity, the UDF bundle) need dist/; `npm test` builds first, a bare `vitest` builds here. */
export default function setup(): void {
  if (!["dist/index.js", "dist/index.cjs", "dist/cli.js", "dist/udf/score.js"].every((file) => existsSync(file))) {
    execSync("npm run build", { stdio: "inherit" });
  }
}
