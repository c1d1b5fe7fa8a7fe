import { Worker } from "node:worker_threads";
import type { ChunkReport, ChunkTask, PhaseReport, PhaseSetup } from "./chunk-profiler.js";
import type { ChunkRunner, LaneReport } from "./chunk-runner.js";
import type { WorkerRequest } from "./ingest-worker.js";

type WorkerReply = { readonly type: "chunk"; readonly report: ChunkReport } | { readonly type: "phase"; readonly phase: PhaseReport } | { readonly type: "error"; readonly message: string };

/** Chunks a worker may hold at once: one being read, one waiting, so it never idles between chunks. */
const IN_FLIGHT_PER_WORKER = 2;

/**
 * Starts a worker on the worker's code: beside the built library (`dist/ingest-worker.js`, used by both the ESM and
 * the CJS build), or — when the library runs from its TypeScript sources (tests, a notebook on a clone) — the `.ts`
 * file, loaded through tsx's loader (a development dependency).
 */
function startWorker(): Worker {
  const here = import.meta.url;
  // A larger young generation than V8's default: a worker allocates a row's cells and records by the million, and
  // with more room they die young instead of being promoted and collected again (about 10 % less time).
  const resourceLimits = { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB };
  if (!here.endsWith(".ts")) return new Worker(new URL("./ingest-worker.js", here), { resourceLimits });
  const entry = JSON.stringify(new URL("./ingest-worker.ts", here).href);
  return new Worker(`import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${entry}); });`, { eval: true, resourceLimits });
}

const YOUNG_GENERATION_MB = 192;

interface Lane {
  readonly worker: Worker;
  inFlight: number;
  /** Settles the lane's phase report when it arrives (or the run fails). */
  phase?: { readonly resolve: (phase: PhaseReport) => void; readonly reject: (error: Error) => void } | undefined;
}

/**
 * Profiles chunks on worker threads (`node:worker_threads`): each worker builds its own shard from whatever chunks
 * it is given, and the shards merge into the same profiles as one pass. A small pool rather than piscina: that
 * library brings a native optional dependency, and this needs only a queue with backpressure.
 *
 * @example
 * const runner = new WorkerRunner(2);
 * runner.start({ options: resolveOptions() });
 * for await (const chunk of fileChunks("purchases.csv", "purchases", "purchases.csv", { firstId: 0 })) await runner.submit(chunk);
 * const chunks = await runner.drain();
 * const phases = await runner.finish(new Map(chunks.map((chunk) => [chunk.id, 0]))); // one file: rows before each chunk
 * await runner.close();
 */
export class WorkerRunner implements ChunkRunner {
  private readonly lanes: Lane[];
  private chunks: LaneReport[] = [];
  private failure: Error | undefined;
  private waiting: Array<() => void> = [];

  constructor(workers: number) {
    this.lanes = Array.from({ length: Math.max(1, workers) }, () => {
      const lane: Lane = { worker: startWorker(), inFlight: 0 };
      lane.worker.on("message", (reply: WorkerReply) => this.receive(lane, reply));
      lane.worker.on("error", (error) => this.fail(error));
      lane.worker.on("exit", (code) => {
        if (code !== 0) this.fail(new Error(`ingest worker stopped with exit code ${code}`));
      });
      return lane;
    });
  }

  start(setup: PhaseSetup): void {
    this.chunks = [];
    for (const lane of this.lanes) this.post(lane, { type: "start", setup });
  }

  async submit(task: ChunkTask): Promise<void> {
    let lane = this.freeLane();
    while (lane === undefined) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
      this.check();
      lane = this.freeLane();
    }
    lane.inFlight += 1;
    this.post(lane, { type: "chunk", task }, "bytes" in task ? [task.bytes.buffer as ArrayBuffer] : []);
  }

  async drain(): Promise<LaneReport[]> {
    while (this.lanes.some((lane) => lane.inFlight > 0)) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
      this.check();
    }
    return this.chunks;
  }

  async finish(bases: ReadonlyMap<number, number>): Promise<PhaseReport[]> {
    await this.drain();
    return Promise.all(
      this.lanes.map(
        (lane) =>
          new Promise<PhaseReport>((resolve, reject) => {
            lane.phase = { resolve, reject };
            this.post(lane, { type: "finish", bases: [...bases] });
          }),
      ),
    );
  }

  async close(): Promise<void> {
    await Promise.all(this.lanes.map((lane) => lane.worker.terminate()));
  }

  private freeLane(): Lane | undefined {
    this.check();
    let best: Lane | undefined;
    for (const lane of this.lanes) if (lane.inFlight < IN_FLIGHT_PER_WORKER && (best === undefined || lane.inFlight < best.inFlight)) best = lane;
    return best;
  }

  private receive(lane: Lane, reply: WorkerReply): void {
    if (reply.type === "chunk") {
      lane.inFlight -= 1;
      this.chunks.push({ ...reply.report, lane: this.lanes.indexOf(lane) });
    } else if (reply.type === "phase") {
      lane.phase?.resolve(reply.phase);
      lane.phase = undefined;
    } else {
      this.fail(new Error(`ingest worker failed: ${reply.message}`));
    }
    this.wake();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const lane of this.lanes) {
      lane.phase?.reject(this.failure);
      lane.phase = undefined;
    }
    this.wake();
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }

  private check(): void {
    if (this.failure !== undefined) throw this.failure;
  }

  private post(lane: Lane, request: WorkerRequest, transfer: ArrayBuffer[] = []): void {
    lane.worker.postMessage(request, transfer);
  }
}
