import { InvalidArgumentError, type Command } from "commander";
import { dateField } from "../schema/fields.js";
import { addReadingFlags, type ReadingFlags } from "./reading-flags.js";

/**
 * Option parsers and the option groups the commands share. Every single-valued flag refuses to be given twice (the
 * second value would silently win); repeatable flags say so in their help. To add a flag to every command that
 * reads data files (a column map, a date format, …), add it to {@link addDataFileFlags}; to a few, call a group
 * from each command's file.
 */

/** A single-valued flag: its parser, refusing a second value. */
export function once<T>(parse: (value: string) => T): (value: string, previous: T | undefined) => T {
  return (value, previous) => {
    if (previous !== undefined) throw new InvalidArgumentError("was given twice: a single-valued flag takes one value");
    return parse(value);
  };
}

/** A whole number in decimal digits only (`0x10`, `0b11`, `1e1`, `+5`, `5.0` are refused), at least `min`. */
export function wholeNumber(min: number): (value: string, previous: number | undefined) => number {
  return once((value) => {
    if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`expects a whole number in decimal digits, got "${value}"`);
    const parsed = Number(value);
    if (!Number.isSafeInteger(parsed) || parsed < min) throw new InvalidArgumentError(`expects a whole number ≥ ${min}, got "${value}"`);
    return parsed;
  });
}

/** One of a few words. */
export function oneOf<T extends string>(choices: readonly T[]): (value: string, previous: T | undefined) => T {
  return once((value) => {
    if (!(choices as readonly string[]).includes(value)) throw new InvalidArgumentError(`expects ${choices.slice(0, -1).join(", ")} or ${choices.at(-1) ?? ""}, got "${value}"`);
    return value as T;
  });
}

/** Text that must not be empty. */
export const text = once((value: string) => {
  if (value.trim() === "") throw new InvalidArgumentError("expects a value, got an empty one");
  return value;
});

/** A calendar day (`YYYY-MM-DD`, `YYYYMMDD` or an ISO date-time), kept as written. */
export const day = once((value: string) => {
  if (!dateField.safeParse(value).success) throw new InvalidArgumentError(`expects a date (YYYY-MM-DD), got "${value}"`);
  return value;
});

/** A file path of a repeatable flag: each use adds one. */
function filePaths(value: string, previous: string[] | undefined): string[] {
  if (value.trim() === "") throw new InvalidArgumentError("expects a file path, got an empty one");
  return [...(previous ?? []), value];
}

/** A single file path. */
export const filePath = once((value: string) => {
  if (value === "") throw new InvalidArgumentError("expects a file path, got an empty one");
  return value;
});

/** What the data-file flags hold once parsed. */
export interface DataFileFlags extends ReadingFlags {
  readonly customers?: string[];
  readonly purchases?: string[];
  readonly surveys?: string[];
  readonly social?: string[];
  readonly workers?: number;
}

/** The data files (each repeatable: several files of one kind are read as one) and how to read them. */
export function addDataFileFlags(command: Command): Command {
  command
    .option("--customers <file>", "customer records: CSV, JSON or NDJSON (repeat for several files)", filePaths)
    .option("--purchases <file>", "purchase records (repeat for several files)", filePaths)
    .option("--surveys <file>", "survey responses (repeat for several files)", filePaths)
    .option("--social <file>", "social activity (repeat for several files)", filePaths)
    .option("--lenient", "skip bad rows and report each on stderr (default: stop at the first bad rows)")
    .option("--workers <n>", "worker threads for large files (default: automatic; 0: none; at most the cores available)", wholeNumber(0))
    .addHelpText("after", '\nExports in other shapes: --preset, --map, --mapping, --date-format, --decimal, --delimiter, --encoding (README, "Your own exports").');
  return addReadingFlags(command);
}

/** What the ranking flags hold once parsed. */
export interface RankingFlags {
  readonly asOf?: string;
  readonly lenient?: boolean;
  readonly requireConsent?: boolean;
  readonly cooldownDays?: number;
  readonly min?: Readonly<Record<string, number>>;
  readonly weight?: Readonly<Record<string, number>>;
}

const DIMENSIONS = ["loyalty", "commitment", "voice"] as const;

/** `dimension=number` (repeatable, one value per dimension), with the number's range. */
function dimensionValue(what: string, check: (value: number) => boolean): (value: string, previous: Record<string, number> | undefined) => Record<string, number> {
  return (value, previous) => {
    const match = /^(loyalty|commitment|voice)=(\d+(?:\.\d+)?)$/.exec(value.trim());
    if (match === null) throw new InvalidArgumentError(`expects DIMENSION=${what} with DIMENSION one of ${DIMENSIONS.join(", ")}, got "${value}"`);
    const [, dimension, number] = match as unknown as [string, string, string];
    if (previous !== undefined && Object.hasOwn(previous, dimension)) throw new InvalidArgumentError(`gives ${dimension} twice`);
    if (!check(Number(number))) throw new InvalidArgumentError(`expects ${what} for ${dimension}, got "${number}"`);
    return { ...previous, [dimension]: Number(number) };
  };
}

/** Who may be profiled and "as of" when. */
export function addRankingFlags(command: Command, { asOf = true }: { asOf?: boolean } = {}): Command {
  if (asOf) command.option("--as-of <date>", "the day to rank as of (default: the latest event in the data)", day);
  return command
    .option("--require-consent", "profile only customers with consent: true")
    .option("--cooldown-days <n>", "leave out customers invited this many days before as-of (default 90)", wholeNumber(0))
    .option("--min <dimension=value>", "the least a dimension must reach to be listed, 0–1 (defaults loyalty=0.2 commitment=0.4 voice=0.1; repeatable)", dimensionValue("a number 0–1", (value) => value >= 0 && value <= 1))
    .option("--weight <dimension=value>", "a dimension's weight in the score, ≥ 0 (default 1 each; repeatable)", dimensionValue("a number ≥ 0", (value) => value >= 0));
}

/** An output path, checked when the command starts (an empty or unwritable one is exit code 3, as every output problem). */
export const outPath = once((value: string) => value);

/** What the output-file flags hold once parsed. */
export interface OutFileFlags {
  readonly out?: string;
  readonly force?: boolean;
}

/** Where a command writes its file, and whether it may replace one. */
export function addOutFlags(command: Command, what: string, { required }: { required: boolean }): Command {
  const add = required ? command.requiredOption.bind(command) : command.option.bind(command);
  add("--out <file>", `write ${what} to this file (never over an input file)`, outPath);
  return command.option("--force", "replace the --out file if it exists (without it an existing file is never overwritten)");
}
