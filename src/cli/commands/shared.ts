import { profileFiles } from "../../io/profile-files.js";
import type { AdvocateOptionsInput } from "../../schema/options.js";
import { formatProblem, type InputProblem } from "../../schema/problem.js";
import type { DataFileFlags, RankingFlags } from "../flags.js";
import { dataFileSets, workerCount } from "../inputs.js";

/** Progress on long work goes to stderr, and only to a terminal: piped or logged runs stay clean. */
export function progress(message: string): void {
  if (process.stderr.isTTY) process.stderr.write(`… ${message}\n`);
}

/** The ranking options the commands share. */
export function rankingOptions(flags: RankingFlags, top?: number): AdvocateOptionsInput {
  return {
    mode: flags.lenient === true ? "lenient" : "strict",
    asOf: flags.asOf,
    top,
    requireConsent: flags.requireConsent ?? false,
    cooldownDays: flags.cooldownDays,
  };
}

/** Reads, validates and profiles the data files: streamed in chunks, on worker threads when they are large. */
export function readProfiles(flags: DataFileFlags, options: AdvocateOptionsInput, notes: string[]) {
  progress("reading, validating and profiling the files");
  return profileFiles(dataFileSets(flags), options, { workers: workerCount(flags.workers, notes), onStage: (stage, ms) => progress(`${stage}: ${(ms / 1000).toFixed(1)} s`) });
}

/** Bad rows skipped in lenient mode, one note each. */
export function skippedNotes(problems: readonly InputProblem[]): string[] {
  return problems.map((problem) => `skipped: ${formatProblem(problem)}`);
}
