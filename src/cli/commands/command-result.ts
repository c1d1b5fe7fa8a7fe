import type { Command } from "commander";

/** What a command produced: its output for stdout (if any), in which form, and notes for stderr. */
export interface CommandResult {
  readonly output?: string | undefined;
  /** `text`: already terminal-safe (escaped values); `json`: JSON text; `data`: a format written exactly (CSV, Markdown, SQL). */
  readonly kind: "text" | "json" | "data";
  readonly notes: readonly string[];
  /** The exit code when it is not 0 (4: nothing could be read). */
  readonly exitCode?: number | undefined;
}

/** Registers a command's action: the program runs it and writes its result. */
export type Runner = (task: () => Promise<CommandResult>) => void;

/** A command's definition: adds itself, with its own flags, to the program. */
export type CommandDefinition = (program: Command, run: Runner) => void;
