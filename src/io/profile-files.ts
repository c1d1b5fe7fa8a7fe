import { stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { basename, relative, sep } from "node:path";
import { toDay } from "../profile/day.js";
import { ExclusionFactsCollector, ExclusionPolicy } from "../profile/exclusion-policy.js";
import { finishPreparation, type PreparedProfiles } from "../profile/prepare-profiles.js";
import type { ExclusionReason } from "../profile/exclusion-policy.js";
import { ProfileStore } from "../profile/profile-store.js";
import { RECORD_KINDS, type RecordKind } from "../profile/record-intake.js";
import { dataFileSetsSchema, readOptionsSchema } from "../schema/file-options.js";
import { resolveOptions, type AdvocateOptions, type AdvocateOptionsInput } from "../schema/options.js";
import { parseOptions } from "../schema/parse-options.js";
import type { InputProblem } from "../schema/problem.js";
import type { PhaseReport, PhaseSetup } from "./chunk-profiler.js";
import { InlineRunner, type ChunkRunner, type LaneReport } from "./chunk-runner.js";
import { fileChunks } from "./file-chunks.js";
import { fileError } from "./input-file-error.js";
import { WorkerRunner } from "./worker-runner.js";

/** One file, or several files of the same kind (shards of an export: per month, per region). */
export type FilePaths = string | readonly string[];

/** The files of each kind of record; every kind is optional. */
export interface DataFileSets {
  readonly customers?: FilePaths | undefined;
  readonly purchases?: FilePaths | undefined;
  readonly surveys?: FilePaths | undefined;
  readonly social?: FilePaths | undefined;
}

/** How files are read: on how many worker threads, in chunks of how many bytes. */
export interface ReadOptions {
  /**
   * Worker threads. `"auto"` (default): one per core (at most 8) when the files hold more than a few chunks, none
   * for small files (starting a thread costs more than it saves). 0 reads on the calling thread.
   */
  readonly workers?: number | "auto" | undefined;
  /** Bytes per chunk handed to a worker (default 8 MiB). */
  readonly chunkBytes?: number | undefined;
  /** Called as each stage of the read ends, with its wall time in milliseconds (for progress and benchmarks). */
  readonly onStage?: ((stage: string, milliseconds: number) => void) | undefined;
}

const MAX_AUTO_WORKERS = 8;
const AUTO_WORKERS_MIN_BYTES = 32 << 20;

interface InputFile {
  readonly kind: RecordKind;
  readonly kindIndex: number;
  readonly fileIndex: number;
  readonly path: string;
  /** The name problems and citations use: the file's name, or its relative path when two files share a name. */
  readonly source: string;
}

function listFiles(files: DataFileSets): InputFile[] {
  const listed = RECORD_KINDS.flatMap((kind, kindIndex) => {
    const paths = files[kind];
    return (paths === undefined ? [] : typeof paths === "string" ? [paths] : [...paths]).map((path, fileIndex) => ({ kind, kindIndex, fileIndex, path }));
  });
  const names = new Map<string, number>();
  for (const file of listed) names.set(basename(file.path), (names.get(basename(file.path)) ?? 0) + 1);
  // Citations must point at one record each: two files named purchases.csv are told apart by their paths.
  return listed.map((file) => ({
    ...file,
    source: (names.get(basename(file.path)) ?? 0) > 1 ? relative(process.cwd(), file.path).split(sep).join("/") : basename(file.path),
  }));
}

async function workerCount(files: readonly InputFile[], read: ReadOptions): Promise<number> {
  if (typeof read.workers === "number") return Math.max(0, Math.floor(read.workers));
  let bytes = 0;
  for (const file of files) {
    try {
      bytes += (await stat(file.path)).size;
    } catch (error) {
      throw fileError(file.path, error);
    }
  }
  return bytes < AUTO_WORKERS_MIN_BYTES ? 0 : Math.min(availableParallelism(), MAX_AUTO_WORKERS);
}

/** Per chunk, the rows of its file before it: each chunk numbered its rows from 1. */
function bases(chunks: readonly LaneReport[], fileOf: ReadonlyMap<number, InputFile>): Map<number, number> {
  const before = new Map<number, number>();
  let file: InputFile | undefined;
  let base = 0;
  for (const chunk of [...chunks].sort((a, b) => a.id - b.id)) {
    const owner = fileOf.get(chunk.id);
    if (owner !== file) {
      file = owner;
      base = 0;
    }
    before.set(chunk.id, base);
    base += chunk.rows;
  }
  return before;
}

async function readPhase(runner: ChunkRunner, setup: PhaseSetup, files: readonly InputFile[], read: ReadOptions, firstId: number) {
  runner.start(setup);
  const fileOf = new Map<number, InputFile>();
  let id = firstId;
  for (const file of files) {
    for await (const chunk of fileChunks(file.path, file.kind, file.source, { firstId: id, chunkBytes: read.chunkBytes })) {
      fileOf.set(chunk.id, file);
      id = chunk.id + 1;
      await runner.submit(chunk);
    }
  }
  const chunks = await runner.drain();
  const before = bases(chunks, fileOf);
  const problems: InputProblem[] = [];
  for (const chunk of chunks) for (const problem of chunk.problems) problems.push({ ...problem, row: problem.row + (before.get(chunk.id) ?? 0) });
  const problemTotal = chunks.reduce((sum, chunk) => sum + chunk.problemTotal, 0);
  const phases = await runner.finish(before);
  return { phases, problems, problemTotal, nextId: id };
}

/**
 * Reads, validates and profiles data files — CSV, NDJSON / JSON Lines or JSON arrays, one or several per kind —
 * streaming them in record-aligned chunks, on worker threads when the files are large: validate → profile for
 * files of any size in bounded memory. Customer files are read first (they decide who is excluded), then the rest;
 * each worker profiles whatever chunks it is given into its own shard, and the shards merge into exactly the
 * profiles one pass would build, so the result never depends on the number of workers. Problems name the file,
 * the row (1 = first record after the header) and the field.
 *
 * @throws {ValidationError} in strict mode on any bad row.
 * @throws {InputFileError} if a file is missing, unreadable or of an unknown kind.
 * @example
 * const prepared = await profileFiles({ purchases: "purchases.csv", social: ["social-2025.ndjson", "social-2026.ndjson"] });
 * const { advocates } = rankProfiles(prepared, resolveOptions());
 */
export async function profileFiles(files: DataFileSets, options: AdvocateOptionsInput | AdvocateOptions = {}, read: ReadOptions = {}): Promise<PreparedProfiles> {
  parseOptions(dataFileSetsSchema, files, "profileFiles (files)");
  parseOptions(readOptionsSchema, read, "profileFiles (read)");
  const resolved = resolveOptions(options as AdvocateOptionsInput);
  const listed = listFiles(files);
  const workers = await workerCount(listed, read);
  const runner: ChunkRunner = workers > 0 ? new WorkerRunner(workers) : new InlineRunner();
  const clock = stageClock(read.onStage);
  try {
    const intakeOptions = { mode: resolved.mode, maxProblems: resolved.maxProblems, scales: resolved.scales, answerScale: resolved.answerScale, topics: resolved.topics, brand: resolved.brand };
    const customerFiles = listed.filter((file) => file.kind === "customers");
    const first = customerFiles.length > 0 ? await readPhase(runner, { options: intakeOptions }, customerFiles, read, 0) : undefined;
    clock("read customer files");
    const facts = new ExclusionFactsCollector();
    for (const phase of first?.phases ?? []) if (phase.facts !== undefined) facts.merge(phase.facts);
    const rules = { requireConsent: resolved.requireConsent, cooldownDays: resolved.cooldownDays, asOfDay: resolved.asOf === undefined ? undefined : toDay(resolved.asOf) };
    const policy = new ExclusionPolicy(facts.facts(), rules);
    const second = await readPhase(
      runner,
      { options: intakeOptions, policy: { facts: policy.facts, rules } },
      listed.filter((file) => file.kind !== "customers"),
      read,
      first?.nextId ?? 0,
    );
    clock("read purchase, survey and social files");
    // The workers' part is done: stop them before merging, so their memory is free for it.
    await runner.close();
    const phases = [...(first?.phases ?? []), ...second.phases];
    const excluded = new Map<string, ExclusionReason>();
    for (const phase of phases) for (const [id, reason] of phase.excluded) if (!excluded.has(id)) excluded.set(id, reason);
    const seen = phases.map((phase) => phase.latestSeenDay).filter((day): day is number => day !== undefined);
    const order = new Map(listed.map((file) => [file.source, file.kindIndex * 1_000_000 + file.fileIndex] as const));
    const problems = [...(first?.problems ?? []), ...second.problems].sort((a, b) => (order.get(a.source) ?? 0) - (order.get(b.source) ?? 0) || a.row - b.row);
    const prepared = finishPreparation(
      {
        stores: phases.map((phase) => new ProfileStore(phase.store)),
        policy,
        excluded,
        latestSeenDay: seen.length > 0 ? Math.max(...seen) : undefined,
        problems: resolved.mode === "strict" ? problems.slice(0, resolved.maxProblems) : problems,
        totalProblems: (first?.problemTotal ?? 0) + second.problemTotal,
      },
      resolved,
    );
    clock("merge into profiles");
    return prepared;
  } finally {
    await runner.close();
  }
}

/** Reports each stage's wall time to `onStage`, if given. */
function stageClock(onStage: ReadOptions["onStage"]): (stage: string) => void {
  let last = performance.now();
  return (stage) => {
    const now = performance.now();
    onStage?.(stage, now - last);
    last = now;
  };
}
