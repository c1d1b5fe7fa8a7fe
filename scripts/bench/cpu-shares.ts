/**
 * Where the time goes: runs work under V8's sampling profiler (node:inspector, in process) and adds up self time by
 * what the code is — CSV parsing (papaparse), validation (zod, and the library's schema code), profiling, text
 * analysis, and so on. The built bundle is mapped back to its source files through its source map, so the
 * library's own time is split by folder. Used by the benchmark to report zod's share of the work.
 */
import { readFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number; readonly columnNumber: number };
}
interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** A category for one sampled frame: a dependency by package, the library by source folder. */
function categoryOf(url: string, line: number, column: number, maps: Map<string, SourceMap | undefined>): string {
  if (url === "") return "(runtime: GC, natives, idle)";
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (dependency !== null) return dependency[1] as string;
  if (url.startsWith("node:")) return "(node)";
  if (!url.includes("/dist/") && !url.includes("/src/")) return "(other)";
  let map = maps.get(url);
  if (!maps.has(url)) {
    try {
      map = new SourceMap(JSON.parse(readFileSync(`${fileURLToPath(url)}.map`, "utf8")));
    } catch {
      map = undefined;
    }
    maps.set(url, map);
  }
  const original = map?.findEntry(line, column);
  const source = original !== undefined && "originalSource" in original ? String(original.originalSource) : url;
  const folder = /src\/([^/]+)\//.exec(source);
  return folder === null ? "library (other)" : `library: ${folder[1]}/`;
}

/** Runs `work` under the profiler and returns each category's share of the samples (0..1), largest first. */
export async function cpuShares<T>(work: () => Promise<T>): Promise<{ result: T; shares: Array<[string, number]> }> {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 500 });
  await session.post("Profiler.start");
  const result = await work();
  const { profile } = (await session.post("Profiler.stop")) as unknown as { profile: CpuProfile };
  session.disconnect();
  const byId = new Map(profile.nodes.map((node) => [node.id, node] as const));
  const maps = new Map<string, SourceMap | undefined>();
  const totals = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const node = byId.get(id);
    const delta = profile.timeDeltas[index] ?? 0;
    if (node === undefined) return;
    const { url, lineNumber, columnNumber, functionName } = node.callFrame;
    const category = functionName === "(idle)" ? "(idle)" : categoryOf(url, lineNumber, columnNumber, maps);
    totals.set(category, (totals.get(category) ?? 0) + delta);
    total += delta;
  });
  const shares = [...totals].map(([category, time]) => [category, total > 0 ? time / total : 0] as [string, number]).sort((a, b) => b[1] - a[1]);
  return { result, shares };
}
