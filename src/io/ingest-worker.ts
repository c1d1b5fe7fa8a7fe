import { parentPort } from "node:worker_threads";
import { ChunkProfiler, type ChunkTask, type PhaseSetup } from "./chunk-profiler.js";
import { transferablesOf } from "./transferables.js";

/** Messages the main thread sends a worker. */
export type WorkerRequest =
  | { readonly type: "start"; readonly setup: PhaseSetup }
  | { readonly type: "chunk"; readonly task: ChunkTask }
  | { readonly type: "finish"; readonly bases: ReadonlyArray<readonly [chunk: number, base: number]> };

// The worker side of WorkerRunner: one ChunkProfiler per phase, fed chunk by chunk.
let profiler: ChunkProfiler | undefined;

parentPort?.on("message", (request: WorkerRequest) => {
  try {
    if (request.type === "start") {
      profiler = new ChunkProfiler(request.setup);
    } else if (request.type === "chunk") {
      if (profiler === undefined) throw new Error("ingest worker: chunk before start");
      parentPort?.postMessage({ type: "chunk", report: profiler.profile(request.task) });
    } else {
      if (profiler === undefined) throw new Error("ingest worker: finish before start");
      const phase = profiler.finish(new Map(request.bases));
      profiler = undefined;
      // The store's typed arrays move to the main thread without a copy.
      parentPort?.postMessage({ type: "phase", phase }, transferablesOf(phase.store));
    }
  } catch (error) {
    parentPort?.postMessage({ type: "error", message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
