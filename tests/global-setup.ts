import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

/** Tests of the built package (CLI, ESM/CJS parity) need dist/; `npm test` builds first, a bare `vitest` builds here. */
export default function setup(): void {
  if (!existsSync("dist/index.js") || !existsSync("dist/index.cjs") || !existsSync("dist/cli.js")) {
    execSync("npm run build", { stdio: "inherit" });
  }
}
