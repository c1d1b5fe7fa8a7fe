import { profileFiles } from "../../io/profile-files.js";
import type { AdvocateOptionsInput } from "../../schema/options.js";
import { formatProblem, type InputProblem } from "../../schema/problem.js";
import type { DataFileFlags, RankingFlags } from "../flags.js";
import { dataFileSets, workerCount } from "../inputs.js";
import { CLI_OPTION_NAMES, readingOf } from "../reading-flags.js";

/** Progress on long work goes to stderr, and only to a terminal: piped or logged runs stay clean. */
export function progress(message: string): void {
  if (process.stderr.isTTY) process.stderr.write(`… ${message}\n`);
}

/** The ranking options the commands share, with how the files are read (column mappings, presets, the brand). */
export function rankingOptions(flags: RankingFlags & DataFileFlags, top?: number): AdvocateOptionsInput {
  return {
    mode: flags.lenient === true ? "lenient" : "strict",
    asOf: flags.asOf,
    top,
    requireConsent: flags.requireConsent ?? false,
    cooldownDays: flags.cooldownDays,
    ...(flags.min === undefined ? {} : { minimum: flags.min }),
    ...(flags.weight === undefined ? {} : { weights: flags.weight }),
    ...readingOf(dataFileSets(flags), flags).options,
  };
}

/** Reads, validates and profiles the data files: streamed in chunks, on worker threads when they are large. */
export function readProfiles(flags: DataFileFlags, options: AdvocateOptionsInput, notes: string[]) {
  progress("reading, validating and profiling the files");
  const { files } = readingOf(dataFileSets(flags), flags);
  return profileFiles(files, options, {
    workers: workerCount(flags.workers, notes),
    maxRecordBytes: flags.maxRecordBytes,
    naming: CLI_OPTION_NAMES,
    onStage: (stage, ms) => progress(`${stage}: ${(ms / 1000).toFixed(1)} s`),
  });
}

/** Whether nothing could be read: no customer was profiled from the files (the CLI then exits with code 4). */
export function nothingRead(prepared: { readonly profiles: { readonly size: number } }): boolean {
  return prepared.profiles.size === 0;
}

/** Bad rows skipped in lenient mode, one note each. */
export function skippedNotes(problems: readonly InputProblem[]): string[] {
  return problems.map((problem) => `skipped: ${formatProblem(problem)}`);
}
