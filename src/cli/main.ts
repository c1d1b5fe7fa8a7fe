#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { terminalJson, terminalLines, terminalText } from "../io/control-characters.js";
import { InputFileError } from "../io/read-records.js";
import { MissingChartingError } from "../report/index.js";
import { NoRecordsError } from "../profile/prepare-profiles.js";
import { cliWording } from "./cli-wording.js";
import { ValidationError } from "../schema/validation-error.js";
import { armCommand } from "./commands/arm.js";
import { backtestCommand } from "./commands/backtest.js";
import type { CommandDefinition, CommandResult } from "./commands/command-result.js";
import { explainCommand } from "./commands/explain.js";
import { fitCommand } from "./commands/fit.js";
import { rankCommand } from "./commands/rank.js";
import { reportCommand } from "./commands/report.js";
import { udfCommand } from "./commands/udf.js";
import { triageCommand } from "./commands/triage.js";
import { outcomesCommand } from "./commands/outcomes.js";
import { OutputFileError } from "./out-file.js";
import { UsageError } from "./usage-error.js";
import { EXIT, HELP_AFTER } from "./usage.js";

/** The commands, in the order the help lists them. Add a command by writing its file and listing it here. */
const COMMANDS: readonly CommandDefinition[] = [rankCommand, armCommand, triageCommand, outcomesCommand, explainCommand, backtestCommand, reportCommand, fitCommand, udfCommand];

/** The package's version, from the package.json beside the build (dist/) or the sources (src/cli/). */
function version(): string {
  for (const path of ["../package.json", "../../package.json"]) {
    try {
      const manifest = JSON.parse(readFileSync(new URL(path, import.meta.url), "utf8")) as { name?: string; version?: string };
      if (manifest.name === "brand-advocates" && manifest.version !== undefined) return manifest.version;
    } catch {
      // not there: try the next place
    }
  }
  return "unknown";
}

/** The program: every command with its own flags; commander does the parsing, help, --version and "did you mean". */
function program(run: (task: () => Promise<CommandResult>) => void): Command {
  const root = new Command("brand-advocates")
    .description("find and arm the customers who will defend your brand in public")
    .version(version(), "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .addHelpText("after", HELP_AFTER)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeOut: (text) => void process.stdout.write(text), writeErr: (text) => void process.stderr.write(text), outputError: () => undefined });
  for (const define of COMMANDS) define(root, run);
  for (const command of root.commands) {
    command.exitOverride().showSuggestionAfterError(true).addHelpText("after", `\nExit codes: 0 success, 1 unexpected error, 2 bad usage or input, 3 output file not written, 4 nothing could be read.\n`);
  }
  return root;
}

/** The long flags of each command, to say where a flag given to the wrong command belongs. */
function flagOwners(root: Command, flag: string): string[] {
  return root.commands.filter((command) => command.options.some((option) => option.long === flag)).map((command) => command.name());
}

/** Commander's message for a usage error, made plain: which flag, what is wrong, and where it belongs. */
function usageMessage(root: Command, error: CommanderError, argv: readonly string[]): string {
  const message = error.message.replace(/^error: /, "");
  // "option '--top <n>' argument '0x10' is invalid. expects …" → "--top expects …"
  const invalid = /^option '(-[^ ',]+)[^']*' argument '[^]*' is invalid\. ([^]*)$/.exec(message);
  if (error.code === "commander.invalidArgument" && invalid !== null) return `${invalid[1]} ${invalid[2]}`;
  if (error.code !== "commander.unknownOption") return message;
  const flag = /'([^']+)'/.exec(message)?.[1]?.split("=")[0];
  const command = root.commands.find((each) => argv.includes(each.name()));
  const owners = flag === undefined ? [] : flagOwners(root, flag).filter((name) => name !== command?.name());
  if (flag === undefined || command === undefined || owners.length === 0) return message;
  return `${flag} does not apply to ${command.name()} (it is a flag of ${owners.join(", ")})`;
}

/** The message of a known error, safe to print: the data values inside it have their control characters escaped. */
function errorMessage(error: Error): string {
  return terminalLines(cliWording(error.message));
}

/** Writes the command's output: data formats exactly, unless stdout is a terminal (then control characters show as escapes). */
function writeResult(result: CommandResult): void {
  if (result.output !== undefined) {
    const output = result.kind === "json" ? terminalJson(result.output) : result.kind === "data" && process.stdout.isTTY ? terminalLines(result.output) : result.output;
    process.stdout.write(`${output}\n`);
  }
  for (const note of result.notes) process.stderr.write(`${terminalText(cliWording(note))}\n`);
}

/**
 * Runs the CLI with the given arguments and returns the exit code; output goes to stdout, notes and errors to stderr.
 * Exit codes: 0 success, 1 unexpected error, 2 bad usage or input, 3 output file not written, 4 nothing could be read.
 *
 * @example
 * process.exitCode = await runCli(["rank", "--purchases", "purchases.csv", "--top", "10"]);
 */
export async function runCli(argv: readonly string[]): Promise<number> {
  let task: (() => Promise<CommandResult>) | undefined;
  const root = program((run) => {
    task = run;
  });
  try {
    if (argv.length === 0) {
      root.outputHelp();
      return EXIT.ok;
    }
    await root.parseAsync([...argv], { from: "user" });
    if (task === undefined) return EXIT.ok;
    const result = await task();
    writeResult(result);
    return result.exitCode ?? EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help") return EXIT.ok;
      process.stderr.write(`brand-advocates: ${terminalLines(usageMessage(root, error, argv))}\nRun 'brand-advocates --help' for usage.\n`);
      return EXIT.usage;
    }
    if (error instanceof OutputFileError) {
      process.stderr.write(`brand-advocates: ${terminalLines(error.message)}\n`);
      return EXIT.output;
    }
    if (error instanceof NoRecordsError) {
      process.stderr.write(`brand-advocates: ${errorMessage(error)}\n`);
      return EXIT.noData;
    }
    if (error instanceof ValidationError || error instanceof InputFileError || error instanceof UsageError || error instanceof RangeError || error instanceof MissingChartingError) {
      process.stderr.write(`brand-advocates: ${errorMessage(error)}\n`);
      if (error instanceof UsageError) process.stderr.write("Run 'brand-advocates --help' for usage.\n");
      return EXIT.usage;
    }
    process.stderr.write(`brand-advocates: unexpected error: ${terminalLines(error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`);
    return EXIT.unexpected;
  }
}

// A closed output pipe (`brand-advocates rank … | head`) is a normal end, not an error: stop quietly.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(EXIT.ok);
  throw error;
});
process.stderr.on("error", () => undefined);
process.exitCode = await runCli(process.argv.slice(2));
