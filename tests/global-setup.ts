import { execSync } from "node:child_process";
import { existsSync } from "node:fs";
import { lacks, REAL_DATA_SETS, SHARED_DATA } from "./fixtures/data-location.js";

/** Tests of the built package (CLI, ESM/CJS parity, the UDF bundle) need dist/; `npm test` builds first, a bare `vitest` builds here. */
export default function setup(): void {
  if (!["dist/index.js", "dist/index.cjs", "dist/cli.js", "dist/udf/score.js"].every((file) => existsSync(file))) {
    execSync("npm run build", { stdio: "inherit" });
  }
  const missing = REAL_DATA_SETS.filter(lacks);
  if (missing.length > 0) {
    console.warn(
      `\nnote: real data set(s) ${missing.join(", ")} not found in ${SHARED_DATA}: the tests that read them are skipped. ` +
        "Put the shared data folder beside the repository, or set BRAND_ADVOCATES_DATA to it.\n",
    );
  }
}
