import { ChunkProfiler, type ChunkReport, type ChunkTask, type PhaseReport, type PhaseSetup } from "./chunk-profiler.js";

/** A chunk's report, and which profiler (index in `phases`) read it: its events are in that profiler's shard. */
export interface LaneReport extends ChunkReport {
  readonly lane: number;
}

/**
 * Runs chunk profilers: one per worker thread, or one on the calling thread. A read has two phases (customer
 * records, which decide exclusions; then everything else), and each phase ends with one report per profiler.
 */
export interface ChunkRunner {
  /** Starts a phase: every profiler begins a new shard with this setup. */
  start(setup: PhaseSetup): void;
  /** Hands over a chunk; resolves once the runner can take another (backpressure for the file reader). */
  submit(task: ChunkTask): Promise<void>;
  /** Waits for every chunk of the phase and returns their reports. */
  drain(): Promise<LaneReport[]>;
  /** Ends the phase: each profiler renumbers its chunks' rows by `bases` (chunk id → rows before it) and reports. */
  finish(bases: ReadonlyMap<number, number>): Promise<PhaseReport[]>;
  /** Stops the worker threads, if any. */
  close(): Promise<void>;
}

/**
 * The runner without threads: chunks are profiled on the calling thread as they come. The same chunks and the
 * same profiler as with workers, so results are identical.
 *
 * @example
 * const runner = new InlineRunner();
 * runner.start({ options: resolveOptions() });
 */
export class InlineRunner implements ChunkRunner {
  private profiler: ChunkProfiler | undefined;
  private chunks: LaneReport[] = [];

  start(setup: PhaseSetup): void {
    this.profiler = new ChunkProfiler(setup);
    this.chunks = [];
  }

  async submit(task: ChunkTask): Promise<void> {
    if (this.profiler === undefined) throw new Error("InlineRunner: start a phase before submitting chunks");
    this.chunks.push({ ...this.profiler.profile(task), lane: 0 });
  }

  async drain(): Promise<LaneReport[]> {
    return this.chunks;
  }

  async finish(bases: ReadonlyMap<number, number>): Promise<PhaseReport[]> {
    if (this.profiler === undefined) throw new Error("InlineRunner: no phase started");
    const phase = this.profiler.finish(bases);
    this.profiler = undefined;
    return [phase];
  }

  async close(): Promise<void> {}
}
