import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The scoring bundle's global object, defined by `dist/udf/score.js`. */
export const UDF_GLOBAL = "brandAdvocatesUdf";

let cached: string | undefined;

/** This module's folder (tsup rewrites `import.meta.url` from `__filename` in the CommonJS build). */
function moduleFolder(): string {
  return dirname(fileURLToPath(import.meta.url));
}

/**
 * The text of the standalone scoring bundle shipped in the package (`dist/udf/score.js`), read once. It is found
 * beside the built library (`dist/index.js` and `dist/index.cjs` sit next to `dist/udf/`) or, when the library runs
 * from its sources (tests, tsx), in the repository's `dist/` after `npm run build`.
 *
 * @throws {Error} when the bundle is not there (a source checkout that was never built).
 * @example
 * udfBundle().startsWith("var brandAdvocatesUdf="); //=> true
 */
export function udfBundle(): string {
  if (cached !== undefined) return cached;
  const folder = moduleFolder();
  const candidates = [join(folder, "udf", "score.js"), join(folder, "..", "..", "dist", "udf", "score.js")];
  const found = candidates.find((path) => existsSync(path));
  if (found === undefined) {
    throw new Error(`brand-advocates: the scoring bundle udf/score.js was not found (looked in ${candidates.join(", ")}); run \`npm run build\` or pass \`bundle\``);
  }
  cached = readFileSync(found, "utf8");
  return cached;
}
