import { MODEL_FORMAT, MODEL_VERSION, type AdvocateModel } from "../model/advocate-model.js";
import { parseOptions } from "../schema/parse-options.js";
import { scoringUdfOptionsSchema, type ScoringUdfOptions } from "../schema/udf-options.js";
import { udfBundle, UDF_GLOBAL } from "./udf-bundle.js";

/** Warehouses whose JavaScript UDFs can run the scoring bundle. */
export type UdfDialect = "bigquery" | "snowflake";

/**
 * The largest inline JavaScript body BigQuery accepts: routine definition bodies are capped at 32,768 bytes
 * ("Definition body too long … maximum allowed: 32768 bytes"). Larger code goes into a library file in Cloud
 * Storage (`OPTIONS (library = [...])`).
 */
export const BIGQUERY_INLINE_LIMIT = 32_768;

/**
 * Snowflake's recommended ceiling for a JavaScript UDF's source: 100 KB. Snowflake stores the code compressed and
 * the exact limit depends on how well it compresses; JavaScript UDFs cannot load library files, so the code is
 * always inline.
 */
export const SNOWFLAKE_RECOMMENDED_LIMIT = 100_000;

export type { ScoringUdfOptions } from "../schema/udf-options.js";

/** A scoring UDF for one warehouse. */
export interface ScoringUdf {
  readonly dialect: UdfDialect;
  readonly functionName: string;
  /** `inline`: the code is in the SQL; `library`: upload `javascript` to `library` first (BigQuery). */
  readonly form: "inline" | "library";
  /** The bundle with the fitted model embedded; defines `brandAdvocatesUdf` and the scorer `scorerName(row) → JSON text`. */
  readonly javascript: string;
  /**
   * The global the scorer is kept under: `brandAdvocatesScore_` and a hash of the model and options, so functions
   * with different models never share a scorer, even where they share one JavaScript environment.
   */
  readonly scorerName: string;
  /** UTF-8 size of `javascript`, in bytes. */
  readonly bytes: number;
  /** The `CREATE FUNCTION` statement. */
  readonly sql: string;
}

/** JSON as a JavaScript expression (U+2028/2029 escaped for engines older than ES2019). */
function jsonExpression(value: unknown): string {
  return JSON.stringify(value).replaceAll("\u2028", "\\u2028").replaceAll("\u2029", "\\u2029");
}

/** FNV-1a over the UTF-16 code units, as 8 hex digits: a stable name for a model's scorer. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/**
 * A function body that evaluates the code once per JavaScript environment and then only scores: warehouses
 * evaluate an inline body on every call, so the scorer is kept on the global object after the first row.
 */
function cachedBody(javascript: string, scorer: string, argument: string): string {
  return [
    `var root = typeof globalThis === "object" ? globalThis : Function("return this")();`,
    `if (typeof root.${scorer} !== "function") {`,
    `  root.${scorer} = (function () {`,
    javascript,
    `    return ${scorer};`,
    `  })();`,
    `}`,
    `return root.${scorer}(${argument});`,
  ].join("\n");
}

function bigQuerySql(name: string, javascript: string, scorer: string, library: string | undefined): { form: "inline" | "library"; sql: string } {
  const create = name.includes(".") ? `CREATE OR REPLACE FUNCTION ${name}` : `CREATE TEMP FUNCTION ${name}`;
  const head = `${create}(profile STRING)\nRETURNS STRING\nDETERMINISTIC\nLANGUAGE js`;
  const usage = `-- Score every profile row: SELECT customerId, ${name}(TO_JSON_STRING(p)) AS score FROM profiles AS p;`;
  const inline = cachedBody(javascript, scorer, "profile");
  if (Buffer.byteLength(inline, "utf8") <= BIGQUERY_INLINE_LIMIT && !inline.includes('"""')) {
    return { form: "inline", sql: `${head}\nAS r"""\n${inline}\n""";\n${usage}\n` };
  }
  if (library === undefined || !library.startsWith("gs://")) {
    throw new RangeError(
      `scoringUdf: the scoring code is ${Buffer.byteLength(javascript, "utf8")} bytes, more than BigQuery's ${BIGQUERY_INLINE_LIMIT}-byte inline limit: ` +
        "upload `javascript` to Cloud Storage and pass its gs:// URI as `library`",
    );
  }
  const options = `OPTIONS (library = [${JSON.stringify(library)}])`;
  return { form: "library", sql: `${head}\n${options}\nAS r"""\nreturn ${scorer}(profile);\n""";\n${usage}\n` };
}

function snowflakeSql(name: string, javascript: string, scorer: string): string {
  const body = cachedBody(javascript, scorer, "PROFILE");
  // $$-quoting takes the code as written; code that contains $$ is quoted as a string literal instead.
  const quoted = body.includes("$$") ? `'${body.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'` : `$$\n${body}\n$$`;
  const usage = `-- Score every profile row: SELECT "customerId", ${name}(OBJECT_CONSTRUCT(*)) AS score FROM profiles;`;
  return `CREATE OR REPLACE FUNCTION ${name}(PROFILE VARIANT)\nRETURNS VARCHAR\nLANGUAGE JAVASCRIPT\nRETURNS NULL ON NULL INPUT\nIMMUTABLE\nAS ${quoted};\n${usage}\n`;
}

/**
 * Builds a JavaScript UDF that scores every customer inside the warehouse: the standalone scoring bundle
 * (`dist/udf/score.js`, the library's own `profileFromRow` and `score`, lexicon included) with the fitted model
 * embedded, and the `CREATE FUNCTION` statement for BigQuery or Snowflake. The function takes one profile row
 * (`profileSql`'s output: JSON text in BigQuery, `OBJECT_CONSTRUCT(*)` in Snowflake) and returns the customer's
 * `score(profile, model)` as JSON text, identical to scoring the same profile in Node.
 *
 * BigQuery inlines at most 32,768 bytes, so the bundle goes into a library file: upload `javascript` to Cloud
 * Storage and pass its URI as `library`. Snowflake has no library files for JavaScript UDFs and recommends at most
 * 100 KB of (compressed) code; the code is inlined (see the README for the measured sizes).
 *
 * @throws {TypeError} if `model` is not a brand-advocates model of this version.
 * @throws {RangeError} on a bad or unknown option (with the closest known one), or for BigQuery without a `gs://` `library` when the code is too big to inline.
 * @example
 * const udf = scoringUdf(model, { dialect: "bigquery", functionName: "shop.score_advocate", library: "gs://shop-udf/brand-advocates.js" });
 * // upload udf.javascript to gs://shop-udf/brand-advocates.js, run udf.sql, then:
 * // SELECT customerId, JSON_VALUE(shop.score_advocate(TO_JSON_STRING(p)), '$.advocate') FROM shop.profiles AS p
 */
export function scoringUdf(model: AdvocateModel, options: ScoringUdfOptions): ScoringUdf {
  parseOptions(scoringUdfOptionsSchema, options, "scoringUdf");
  if (model.format !== MODEL_FORMAT || model.version !== MODEL_VERSION) {
    throw new TypeError(`scoringUdf: expected a ${MODEL_FORMAT} model of version ${MODEL_VERSION}, got ${String(model.format)} v${String(model.version)}`);
  }
  const functionName = options.functionName ?? "score_advocate";
  if (!/^[A-Za-z_][\w$]*(\.[A-Za-z_][\w$-]*){0,2}$/.test(functionName)) {
    throw new RangeError(`scoringUdf: ${JSON.stringify(functionName)} is not a function name (name, dataset.name or project.dataset.name)`);
  }
  const bundle = options.bundle ?? udfBundle();
  const embedded = `${jsonExpression(model)}, ${jsonExpression(options.topics === undefined ? {} : { topics: options.topics })}`;
  const scorerName = `brandAdvocatesScore_${fnv1a(embedded)}`;
  const javascript = `${bundle.trimEnd()}\nvar ${scorerName} = ${UDF_GLOBAL}.scorer(${embedded});\n`;
  const bytes = Buffer.byteLength(javascript, "utf8");
  if (options.dialect === "snowflake") {
    return { dialect: "snowflake", functionName, form: "inline", javascript, scorerName, bytes, sql: snowflakeSql(functionName, javascript, scorerName) };
  }
  const { form, sql } = bigQuerySql(functionName, javascript, scorerName, options.library);
  return { dialect: "bigquery", functionName, form, javascript, scorerName, bytes, sql };
}
