import { defineConfig, type Options } from "tsup";

const shared: Options = {
  dts: true,
  sourcemap: true,
  target: "node20",
  platform: "node",
  splitting: false,
  treeshake: true,
  // tsup 8 rewrites `node:fs` to `fs` unless told not to.
  removeNodeProtocol: false,
  // The configs build in parallel and each `clean` would wipe the other's output; `npm run build` cleans first.
  clean: false,
};

export default defineConfig([
  // ESM library and CLI: every runtime dependency stays external.
  { ...shared, entry: { index: "src/index.ts", cli: "src/cli/main.ts" }, format: ["esm"] },
  // The ingest worker: both builds start it as dist/ingest-worker.js. Not an API, so no declarations.
  { ...shared, entry: { "ingest-worker": "src/io/ingest-worker.ts" }, format: ["esm"], dts: false },
  // CJS library: ml-kmeans 7 (and its ml-* tree) is ESM-only, so inline it to keep require() working everywhere.
  // `sentiment` is inlined too: its nested require()s of JSON lexicons fail when tsx loads a .cts caller on Node 20.
  // `stemmer` (topic matching) is ESM-only like ml-kmeans.
  // `shims` gives the CJS build an import.meta.url, which locates the worker beside it.
  { ...shared, entry: { index: "src/index.ts" }, format: ["cjs"], shims: true, noExternal: [/^ml-/, "is-any-array", "sentiment", "stemmer"] },
  // Scoring bundle for warehouse JavaScript UDFs (BigQuery, Snowflake): one self-contained script, no import and no
  // Node API, defining the global `brandAdvocatesUdf`; every dependency (the sentiment lexicon too) is inlined and
  // the code minified, since warehouses cap the size of UDF code. `scoringUdf` reads it from dist/udf/score.js.
  {
    entry: { "udf/score": "src/warehouse/udf-runtime.ts" },
    format: ["iife"],
    globalName: "brandAdvocatesUdf",
    platform: "neutral",
    target: "es2020",
    noExternal: [/./],
    minify: true,
    dts: false,
    sourcemap: false,
    splitting: false,
    treeshake: true,
    clean: false,
    outExtension: () => ({ js: ".js" }),
    // Platform "neutral" resolves no package entry fields by default; the dependencies ship `module` or `main`.
    esbuildOptions(options) {
      options.mainFields = ["module", "main"];
    },
  },
]);
