import { ExclusionFactsCollector, ExclusionPolicy, type ExclusionFacts, type ExclusionRules } from "../profile/exclusion-policy.js";
import { ProfileBuilder, type EventCounts, type TopicMap } from "../profile/profile-builder.js";
import type { StoreColumns } from "../profile/profile-store.js";
import type { ExclusionReason } from "../profile/exclusion-policy.js";
import { RecordIntake, type IntakeOptions, type RecordKind } from "../profile/record-intake.js";
import { ProblemLog } from "../schema/problem-log.js";
import type { BrandIdentity } from "../schema/options.js";
import type { InputProblem } from "../schema/problem.js";
import { CsvRowReader } from "./csv-columns.js";
import { forEachCsvRow } from "./csv-text.js";

/** A piece of one input file that ends where a record ends, with what is needed to read it on its own. */
export type ChunkTask = {
  /** Chunks of one file are numbered in file order (ids are unique across files). */
  readonly id: number;
  readonly kind: RecordKind;
  /** The source name citations and problems use (the file's name). */
  readonly source: string;
} & (
  | { readonly format: "csv"; readonly header: readonly string[]; readonly newline: "\n" | "\r\n"; readonly bytes: Uint8Array }
  | { readonly format: "ndjson"; readonly bytes: Uint8Array }
  | { readonly format: "records"; readonly records: readonly unknown[] }
);

/** What reading one chunk gave. Rows (in `problems` too) count from 1 within the chunk until renumbered. */
export interface ChunkReport {
  readonly id: number;
  /** Records in the chunk. */
  readonly rows: number;
  readonly problems: InputProblem[];
  readonly problemTotal: number;
}

/** How one phase of a read is set up: the options, and the exclusion policy once customers have been read. */
export interface PhaseSetup {
  readonly options: IntakeOptions & { readonly topics?: TopicMap | undefined; readonly brand?: BrandIdentity | undefined };
  /** Absent in the first phase (customer records), which gathers the exclusion facts instead. */
  readonly policy?: { readonly facts: ExclusionFacts; readonly rules: ExclusionRules } | undefined;
}

/**
 * What one profiler read in a phase: the columns of the store it built (typed arrays, transferable between threads),
 * the customers it left out, the latest day it saw and, in the first phase, the exclusion facts.
 */
export interface PhaseReport {
  readonly store: StoreColumns;
  readonly excluded: ReadonlyArray<readonly [customerId: string, reason: ExclusionReason]>;
  readonly latestSeenDay: number | undefined;
  readonly facts?: ExclusionFacts | undefined;
}

const DECODER = new TextDecoder();
/** Rows validated together: enough to amortise zod's per-call cost, few enough to die young in memory. */
const CSV_BATCH = 2_048;

/**
 * Reads chunks of input files — parse, validate, profile — into one shard. One runs on each worker thread (or on
 * the main thread when there are none); the shards merge into the profiles of the whole files.
 *
 * @example
 * const profiler = new ChunkProfiler({ options: resolveOptions() });
 * profiler.profile({ id: 0, kind: "purchases", source: "p.csv", format: "csv", header: ["customerId", "date", "amount"], newline: "\n", bytes });
 * profiler.finish(new Map([[0, 0]])).store.ids; //=> ["c1", …]
 */
export class ChunkProfiler {
  private readonly intake: RecordIntake;
  private readonly facts: ExclusionFactsCollector | undefined;
  private readonly cap: number;
  /** Where each chunk's events sit in the builder, for renumbering its rows at the end. */
  private readonly chunks: Array<{ readonly id: number; readonly from: EventCounts; readonly to: EventCounts }> = [];

  constructor(setup: PhaseSetup) {
    this.facts = setup.policy === undefined ? new ExclusionFactsCollector() : undefined;
    const exclude = setup.policy === undefined ? undefined : new ExclusionPolicy(setup.policy.facts, setup.policy.rules);
    this.intake = new RecordIntake(new ProfileBuilder({ topics: setup.options.topics, exclude, brand: setup.options.brand }), setup.options, { facts: this.facts });
    this.cap = setup.options.mode === "strict" ? setup.options.maxProblems : Number.POSITIVE_INFINITY;
  }

  profile(task: ChunkTask): ChunkReport {
    // Each chunk keeps its own first problems, so the first ones of the whole file can be picked after merging.
    const log = new ProblemLog(this.cap);
    this.intake.logTo(log);
    const from = this.intake.builder.eventCounts();
    const rows = task.format === "csv" ? this.csv(task) : task.format === "ndjson" ? this.ndjson(task) : this.records(task);
    const to = this.intake.builder.eventCounts();
    this.chunks.push({ id: task.id, from, to });
    return { id: task.id, rows, problems: log.problems, problemTotal: log.total };
  }

  /**
   * Renumbers each chunk's rows (`bases` gives, per chunk id, the rows of its file before it — known only once every
   * chunk is counted), builds the store, and reports it.
   */
  finish(bases: ReadonlyMap<number, number>): PhaseReport {
    const builder = this.intake.builder;
    for (const chunk of this.chunks) builder.renumberRows(chunk.from, chunk.to, bases.get(chunk.id) ?? 0);
    const latestSeenDay = builder.latestEventDay();
    const excluded = [...builder.exclusions()];
    return { store: builder.build().columns, excluded, latestSeenDay, facts: this.facts?.facts() };
  }

  private csv(task: Extract<ChunkTask, { format: "csv" }>): number {
    const keys = this.intake.keys(task.kind);
    const reader = new CsvRowReader(task.header, keys);
    const width = task.header.length;
    // Rows go to the intake in batches, column by column, so each field is validated a column at a time.
    const columns: unknown[][] = keys.map(() => new Array<unknown>(CSV_BATCH));
    let batched = 0;
    let batchStart = 1;
    const flush = () => {
      if (batched > 0) this.intake.addColumns(task.kind, columns, batched, task.source, batchStart);
      batched = 0;
    };
    let rows = 0;
    forEachCsvRow(DECODER.decode(task.bytes), task.newline, (cells, index, malformed) => {
      rows = index + 1;
      const problem = malformed ?? (cells.length === width ? undefined : `expected ${width} cells, as in the header; found ${cells.length}`);
      if (problem !== undefined) {
        flush();
        this.intake.reject(task.kind, [{ field: "(record)", message: problem }], { source: task.source, row: index + 1 });
        return;
      }
      if (batched === 0) batchStart = index + 1;
      reader.cells = cells;
      for (let key = 0; key < keys.length; key += 1) (columns[key] as unknown[])[batched] = reader.rawValue(key);
      batched += 1;
      if (batched === CSV_BATCH) flush();
    });
    flush();
    return rows;
  }

  private ndjson(task: Extract<ChunkTask, { format: "ndjson" }>): number {
    let row = 0;
    for (const line of DECODER.decode(task.bytes).split("\n")) {
      if (line.trim() === "") continue;
      row += 1;
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch {
        this.intake.reject(task.kind, [{ field: "(record)", message: "expected a JSON object on the line (not valid JSON)" }], { source: task.source, row });
        continue;
      }
      this.intake.add(task.kind, record, { source: task.source, row });
    }
    return row;
  }

  private records(task: Extract<ChunkTask, { format: "records" }>): number {
    task.records.forEach((record, index) => this.intake.add(task.kind, record, { source: task.source, row: index + 1 }));
    return task.records.length;
  }
}
