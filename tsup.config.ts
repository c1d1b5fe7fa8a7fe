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
  // CJS library: ml-kmeans 7 (and its ml-* tree) is ESM-only, so inline it to keep require() working everywhere.
  // `sentiment` is inlined too: its nested require()s of JSON lexicons fail when tsx loads a .cts caller on Node 20.
  { ...shared, entry: { index: "src/index.ts" }, format: ["cjs"], noExternal: [/^ml-/, "is-any-array", "sentiment"] },
]);
