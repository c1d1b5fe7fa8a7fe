import { ExclusionFactsCollector, ExclusionPolicy, type ExclusionFacts, type ExclusionReason, type ExclusionRules } from "../profile/exclusion-policy.js";
import { IdentityCollector, IdentityIndex, type IdentityFacts } from "../profile/identity-index.js";
import { ProfileBuilder, type EventCounts, type TopicMap, type UnprofiledCounts } from "../profile/profile-builder.js";
import type { StoreColumns } from "../profile/profile-store.js";
import { RecordIntake, type IntakeOptions, type RecordKind } from "../profile/record-intake.js";
import type { ThreadFacts } from "../profile/thread-facts.js";
import type { ColumnPlan } from "../schema/columns/column-plan.js";
import type { BrandIdentity } from "../schema/options.js";
import type { InputProblem } from "../schema/problem.js";
import { ProblemLog } from "../schema/problem-log.js";
import { ABSENT } from "../schema/record-validator.js";
import { CsvRowReader } from "./csv-columns.js";
import { candidateIds, chunkRecords, tooLong } from "./chunk-records.js";
import { forEachCsvRow } from "./csv-text.js";
import { decodeChunk } from "./text-decoding.js";

/** How a CSV file is written: its delimiter and line ending (sniffed from its start, or given). */
export interface CsvDialect {
  readonly delimiter: string;
  readonly newline: "\n" | "\r\n";
}

/** A piece of one input file that ends where a record ends, with what is needed to read it on its own. */
export type ChunkTask = {
  /** Chunks of one file are numbered in file order (ids are unique across files). */
  readonly id: number;
  readonly kind: RecordKind;
  /** The source name citations and problems use (the file's name). */
  readonly source: string;
} & (
  | {
      readonly format: "csv";
      readonly plan: ColumnPlan;
      readonly dialect: CsvDialect;
      readonly bytes: Uint8Array;
      /** Records at the start of this chunk that are not data (a preset's extra header rows): counted, not read. */
      readonly skipRows?: number | undefined;
      /** The longest record allowed: a longer one inside the chunk is a bad row too. */
      readonly maxRecordBytes?: number | undefined;
    }
  | { readonly format: "ndjson"; readonly bytes: Uint8Array; readonly maxRecordBytes?: number | undefined }
  | { readonly format: "records"; readonly records: readonly unknown[] }
  /** One record that could not be cut out as a record (longer than the limit, or a quote that never closes). */
  | { readonly format: "bad-record"; readonly problem: string; readonly head: string; readonly plan?: ColumnPlan | undefined; readonly dialect?: CsvDialect | undefined }
);

/** What reading one chunk gave. Rows (in `problems` too) count from 1 within the chunk until renumbered. */
export interface ChunkReport {
  readonly id: number;
  /** Records in the chunk. */
  readonly rows: number;
  readonly problems: InputProblem[];
  readonly problemTotal: number;
  /** Rows rejected as invalid. */
  readonly rejectedRows: number;
  /** Rows a preset left out, by stated reason. */
  readonly leftOut: ReadonlyArray<readonly [reason: string, rows: number]>;
  /** Whether the chunk held bytes that are not valid UTF-8 (decoded as U+FFFD). */
  readonly invalidUtf8: boolean;
}

/** How one phase of a read is set up: the options, and the exclusion policy once customers have been read. */
export interface PhaseSetup {
  readonly options: IntakeOptions & { readonly topics?: TopicMap | undefined; readonly brand?: BrandIdentity | undefined };
  /** Absent in the first phase (customer records), which gathers the exclusion facts instead. */
  readonly policy?: { readonly facts: ExclusionFacts; readonly rules: ExclusionRules } | undefined;
  /** Who holds which e-mail and handle, from the first phase (absent in it). */
  readonly identities?: IdentityFacts | undefined;
}

/**
 * What one profiler read in a phase: the columns of the store it built (typed arrays, transferable between threads),
 * the customers it left out, in the first phase the exclusion and identity facts, and what threads need.
 */
export interface PhaseReport {
  readonly store: StoreColumns;
  readonly excluded: ReadonlyArray<readonly [customerId: string, reason: ExclusionReason]>;
  readonly facts?: ExclusionFacts | undefined;
  readonly identities?: IdentityFacts | undefined;
  /** Customers whose purchase, survey or social rows opted out: dropped from every shard at the merge. */
  readonly optOuts: readonly string[];
  readonly threads: ThreadFacts;
  readonly unprofiled: UnprofiledCounts;
}

/** Rows validated together: enough to amortise zod's per-call cost, few enough to die young in memory. */
const CSV_BATCH = 2_048;

/**
 * Reads chunks of input files — parse, map, validate, profile — into one shard. One runs on each worker thread (or
 * on the main thread when there are none); the shards merge into the profiles of the whole files.
 *
 * @example
 * const profiler = new ChunkProfiler({ options: resolveOptions() });
 * profiler.profile({ id: 0, kind: "purchases", source: "p.csv", format: "csv", plan, dialect: { delimiter: ",", newline: "\n" }, bytes });
 * profiler.finish(new Map([[0, 0]])).store.ids; //=> ["c1", …]
 */
export class ChunkProfiler {
  private readonly intake: RecordIntake;
  private readonly facts: ExclusionFactsCollector | undefined;
  private readonly identities: IdentityCollector | undefined;
  private readonly cap: number;
  /** Where each chunk's events sit in the builder, for renumbering its rows at the end. */
  private readonly chunks: Array<{ readonly id: number; readonly from: EventCounts; readonly to: EventCounts }> = [];

  constructor(setup: PhaseSetup) {
    const first = setup.policy === undefined;
    this.facts = first ? new ExclusionFactsCollector() : undefined;
    this.identities = first ? new IdentityCollector() : undefined;
    const exclude = setup.policy === undefined ? undefined : new ExclusionPolicy(setup.policy.facts, setup.policy.rules);
    const builder = new ProfileBuilder({ topics: setup.options.topics, exclude, brand: setup.options.brand, identities: new IdentityIndex(setup.identities) });
    this.intake = new RecordIntake(builder, setup.options, { facts: this.facts, identities: this.identities });
    this.cap = setup.options.mode === "strict" ? setup.options.maxProblems : Number.POSITIVE_INFINITY;
  }

  profile(task: ChunkTask): ChunkReport {
    // Each chunk keeps its own first problems, so the first ones of the whole file can be picked after merging.
    const log = new ProblemLog(this.cap);
    this.intake.logTo(log);
    const tally = this.intake.tally(task.kind, task.source);
    const rejectedBefore = tally.rejected;
    const leftOutBefore = new Map(tally.leftOut);
    const from = this.intake.builder.eventCounts();
    let invalidUtf8 = false;
    let rows: number;
    const adapter = this.intake.presetOf(task.kind, task.source)?.adapt;
    if (task.format === "csv" && adapter === undefined) {
      const decoded = decodeChunk(task.bytes);
      invalidUtf8 = decoded.invalid;
      rows = this.csv(task, decoded.text);
    } else if (task.format === "ndjson" && adapter === undefined) {
      const decoded = decodeChunk(task.bytes);
      invalidUtf8 = decoded.invalid;
      rows = this.ndjson(task, decoded.text);
    } else {
      // Whole records: JSON, NDJSON, a bad record, or CSV through a preset's adapter — one rule for every reader.
      if (task.format === "csv" || task.format === "ndjson") invalidUtf8 = decodeChunk(task.bytes).invalid;
      const reading = this.intake.readingOf(task.kind, task.source);
      rows = 0;
      for (const record of chunkRecords(task, reading, 0)) {
        rows += 1;
        this.intake.add(task.kind, record, { source: task.source, row: rows });
      }
      if (task.format === "csv") rows += task.skipRows ?? 0;
    }
    const to = this.intake.builder.eventCounts();
    this.chunks.push({ id: task.id, from, to });
    const leftOut = [...tally.leftOut].map(([reason, count]) => [reason, count - (leftOutBefore.get(reason) ?? 0)] as const).filter(([, count]) => count > 0);
    return { id: task.id, rows, problems: log.problems, problemTotal: log.total, rejectedRows: tally.rejected - rejectedBefore, leftOut, invalidUtf8 };
  }

  /**
   * Renumbers each chunk's rows (`bases` gives, per chunk id, the rows of its file before it — known only once every
   * chunk is counted), builds the store, and reports it.
   */
  finish(bases: ReadonlyMap<number, number>): PhaseReport {
    const builder = this.intake.builder;
    for (const chunk of this.chunks) builder.renumberRows(chunk.from, chunk.to, bases.get(chunk.id) ?? 0);
    const store = builder.build().columns;
    return {
      store,
      excluded: [...builder.exclusions()],
      facts: this.facts?.facts(),
      identities: this.identities?.facts(),
      optOuts: [...builder.optOutsSeen()],
      threads: builder.threadFacts(),
      unprofiled: builder.unprofiledCounts(),
    };
  }

  private csv(task: Extract<ChunkTask, { format: "csv" }>, text: string): number {
    const { plan } = task;
    const keys = plan.keys;
    const reader = new CsvRowReader(plan);
    const width = plan.header.length;
    const skip = task.skipRows ?? 0;
    // Rows go to the intake in batches, column by column, so each field is validated a column at a time.
    const columns: unknown[][] = keys.map(() => new Array<unknown>(CSV_BATCH));
    let batched = 0;
    let batchStart = 1;
    const flush = () => {
      if (batched > 0) this.intake.addColumns(task.kind, columns, batched, task.source, batchStart);
      batched = 0;
    };
    let rows = 0;
    forEachCsvRow(text, task.dialect, (cells, index, malformed) => {
      rows = index + 1;
      if (index < skip) return;
      const ref = { source: task.source, row: index + 1 };
      const problem = malformed ?? (cells.length === width ? undefined : `expected ${width} cells, as in the header; found ${cells.length}`) ?? tooLong(cells, task.maxRecordBytes);
      if (problem !== undefined) {
        flush();
        this.intake.tally(task.kind, task.source).rows += 1;
        this.intake.badRow(task.kind, problem, ref, task.kind === "customers" ? candidateIds(cells, plan) : []);
        return;
      }
      reader.cells = cells;
      if (batched === 0) batchStart = index + 1;
      for (let key = 0; key < keys.length; key += 1) (columns[key] as unknown[])[batched] = reader.rawValue(key);
      batched += 1;
      if (batched === CSV_BATCH) flush();
    });
    flush();
    return rows;
  }

  /**
   * NDJSON as CSV is read: each line's object mapped to the fields, its values laid into column batches for the
   * same column-wise, memoised validation (a record-at-a-time validation made NDJSON twice as slow as CSV).
   */
  private ndjson(task: Extract<ChunkTask, { format: "ndjson" }>, text: string): number {
    const keys = this.intake.keys(task.kind);
    const mapper = this.intake.mapperOf(task.kind, task.source);
    const columns: unknown[][] = keys.map(() => new Array<unknown>(CSV_BATCH));
    let batched = 0;
    let batchStart = 1;
    const flush = () => {
      if (batched > 0) this.intake.addColumns(task.kind, columns, batched, task.source, batchStart);
      batched = 0;
    };
    const bad = (row: number, problem: string) => {
      flush();
      this.intake.tally(task.kind, task.source).rows += 1;
      this.intake.badRow(task.kind, problem, { source: task.source, row }, []);
    };
    let row = 0;
    let from = 0;
    while (from < text.length) {
      let end = text.indexOf("\n", from);
      if (end < 0) end = text.length;
      const line = text.slice(from, end);
      from = end + 1;
      if (line.trim() === "") continue;
      row += 1;
      const long = tooLong(line, task.maxRecordBytes);
      if (long !== undefined) {
        bad(row, long);
        continue;
      }
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch {
        bad(row, "expected a JSON object on the line (not valid JSON)");
        continue;
      }
      if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
        bad(row, `expected a record (a JSON object), got ${Array.isArray(raw) ? "an array" : raw === null ? "null" : `a ${typeof raw}`}`);
        continue;
      }
      const record = mapper.map(raw) as Record<string, unknown>;
      if (batched === 0) batchStart = row;
      for (let key = 0; key < keys.length; key += 1) {
        const value = record[keys[key] as string];
        (columns[key] as unknown[])[batched] = value === undefined || value === null ? ABSENT : value;
      }
      batched += 1;
      if (batched === CSV_BATCH) flush();
    }
    flush();
    return row;
  }
}
