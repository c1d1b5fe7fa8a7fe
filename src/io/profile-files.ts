import { stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { toDay } from "../profile/day.js";
import { ExclusionFactsCollector, ExclusionPolicy } from "../profile/exclusion-policy.js";
import { IdentityCollector } from "../profile/identity-index.js";
import { addInvitations } from "../profile/invitation-cooldown.js";
import { basename } from "node:path";
import { readRecords } from "./read-records.js";
import { finishPreparation, readingsOf, type PreparedProfiles, type SourceSummary } from "../profile/prepare-profiles.js";
import type { OptionNaming } from "../schema/columns/source-reading.js";
import { listInputFiles, type DataFileSets, type InputFile } from "./input-files.js";
import type { ExclusionReason } from "../profile/exclusion-policy.js";
import { ProfileStore } from "../profile/profile-store.js";
import { dataFileSetsSchema, readOptionsSchema } from "../schema/file-options.js";
import { resolveOptions, type AdvocateOptions, type AdvocateOptionsInput } from "../schema/options.js";
import { parseOptions } from "../schema/parse-options.js";
import type { InputProblem } from "../schema/problem.js";
import type { PhaseReport, PhaseSetup } from "./chunk-profiler.js";
import { InlineRunner, type ChunkRunner, type LaneReport } from "./chunk-runner.js";
import { fileChunks } from "./file-chunks.js";
import { fileError, InputFileError } from "./input-file-error.js";
import { WorkerRunner } from "./worker-runner.js";

export type { DataFileSets, FilePaths } from "./input-files.js";

/** How files are read: on how many worker threads, in chunks of how many bytes. */
export interface ReadOptions {
  /**
   * Worker threads. `"auto"` (default): one per core (at most 8) when the files hold more than a few chunks, none
   * for small files (starting a thread costs more than it saves). 0 reads on the calling thread.
   */
  readonly workers?: number | "auto" | undefined;
  /** Bytes per chunk handed to a worker (default 8 MiB). */
  readonly chunkBytes?: number | undefined;
  /** The longest record a file may hold (default 1 MiB): a longer one is one bad row, reported at once. */
  readonly maxRecordBytes?: number | undefined;
  /** How messages name the reading options (the CLI names its flags). */
  readonly naming?: OptionNaming | undefined;
  /** Called as each stage of the read ends, with its wall time in milliseconds (for progress and benchmarks). */
  readonly onStage?: ((stage: string, milliseconds: number) => void) | undefined;
}

const MAX_AUTO_WORKERS = 8;
const AUTO_WORKERS_MIN_BYTES = 32 << 20;

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
    const chunking = { firstId: id, chunkBytes: read.chunkBytes, maxRecordBytes: read.maxRecordBytes, reading: file.reading, delimiter: file.delimiter, encoding: file.encoding, naming: read.naming };
    for await (const chunk of fileChunks(file.path, file.kind, file.source, chunking)) {
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
  const badRows = chunks.reduce((sum, chunk) => sum + chunk.rejectedRows, 0);
  const phases = await runner.finish(before);
  // Rows per file, for the warnings an empty or mostly unreadable file deserves.
  const sources: SourceSummary[] = files.map((file) => {
    const own = chunks.filter((chunk) => fileOf.get(chunk.id) === file);
    const leftOut = new Map<string, number>();
    for (const chunk of own) for (const [reason, rows] of chunk.leftOut) leftOut.set(reason, (leftOut.get(reason) ?? 0) + rows);
    const rows = own.reduce((sum, chunk) => sum + chunk.rows, 0) - file.reading.skipRowsAfterHeader;
    return {
      source: file.source,
      kind: file.kind,
      rows: Math.max(0, rows),
      rejected: own.reduce((sum, chunk) => sum + chunk.rejectedRows, 0),
      leftOut: [...leftOut],
      allowEmpty: file.allowEmpty,
      invalidUtf8: own.some((chunk) => chunk.invalidUtf8),
    };
  });
  return { phases, problems, problemTotal, badRows, sources, nextId: id };
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
  const listed = listInputFiles(files, resolved, read.naming);
  const workers = await workerCount(listed, read);
  const runner: ChunkRunner = workers > 0 ? new WorkerRunner(workers) : new InlineRunner();
  const clock = stageClock(read.onStage);
  try {
    const readings = { ...readingsOf(resolved), bySource: listed.map((file) => [file.source, file.reading] as const) };
    const intakeOptions = { mode: resolved.mode, maxProblems: resolved.maxProblems, scales: resolved.scales, answerScale: resolved.answerScale, topics: resolved.topics, brand: resolved.brand, readings };
    const customerFiles = listed.filter((file) => file.kind === "customers");
    const first = customerFiles.length > 0 ? await readPhase(runner, { options: intakeOptions }, customerFiles, read, 0) : undefined;
    clock("read customer files");
    // The customers file is where opt-outs come from: reading none from it would profile everyone who objected.
    for (const summary of first?.sources ?? []) {
      if (summary.rows === 0 && summary.allowEmpty !== true && (first?.problemTotal ?? 0) === 0) {
        throw new InputFileError(summary.source, "the customers file holds no records, so no opt-out could be read from it; give the right file, or allowEmpty: true (CLI --allow-empty customers) if it is empty on purpose");
      }
    }
    const facts = new ExclusionFactsCollector();
    // Invitations already sent set each customer's last invitation, so the cool-down needs no hand-kept column.
    const invitationProblems: InputProblem[] = [];
    const invitationFiles = files.invitations === undefined ? [] : Array.isArray(files.invitations) ? files.invitations : [files.invitations as string | { file: string }];
    for (const entry of invitationFiles as ReadonlyArray<string | { file: string }>) {
      const path = typeof entry === "string" ? entry : entry.file;
      invitationProblems.push(...addInvitations(facts, await readRecords(path), basename(path)));
    }
    const identities = new IdentityCollector();
    for (const phase of first?.phases ?? []) {
      if (phase.facts !== undefined) facts.merge(phase.facts);
      if (phase.identities !== undefined) identities.merge(phase.identities);
    }
    const rules = { requireConsent: resolved.requireConsent, cooldownDays: resolved.cooldownDays, asOfDay: resolved.asOf === undefined ? undefined : toDay(resolved.asOf) };
    const policy = new ExclusionPolicy(facts.facts(), rules);
    const second = await readPhase(
      runner,
      { options: intakeOptions, policy: { facts: policy.facts, rules }, identities: identities.facts() },
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
    const order = new Map(listed.map((file) => [file.source, file.kindIndex * 1_000_000 + file.fileIndex] as const));
    const problems = [...(first?.problems ?? []), ...invitationProblems, ...second.problems].sort((a, b) => (order.get(a.source) ?? 0) - (order.get(b.source) ?? 0) || a.row - b.row);
    const prepared = finishPreparation(
      {
        stores: phases.map((phase) => new ProfileStore(phase.store)),
        policy,
        excluded,
        problems: resolved.mode === "strict" ? problems.slice(0, resolved.maxProblems) : problems,
        totalProblems: (first?.problemTotal ?? 0) + invitationProblems.length + second.problemTotal,
        badRows: (first?.badRows ?? 0) + new Set(invitationProblems.map((problem) => `${problem.source}\u0000${problem.row}`)).size + second.badRows,
        optOuts: phases.flatMap((phase) => phase.optOuts),
        threads: phases.map((phase) => phase.threads),
        unprofiled: phases.map((phase) => phase.unprofiled),
        sources: [...(first?.sources ?? []), ...second.sources],
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
