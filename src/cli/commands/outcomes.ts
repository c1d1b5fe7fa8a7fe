import { loadData } from "../../io/load-data.js";
import { readRecords } from "../../io/read-records.js";
import { terminalText } from "../../io/control-characters.js";
import { trackOutcomes } from "../../outcomes/track-outcomes.js";
import { filePath, oneOf, text, wholeNumber } from "../flags.js";
import { inputFiles } from "../inputs.js";
import { CLI_OPTION_NAMES } from "../reading-flags.js";
import type { CommandDefinition } from "./command-result.js";
import { skippedNotes } from "./shared.js";

interface OutcomeFlags {
  readonly invitations: string;
  readonly mentions: string;
  readonly mentionsPreset?: string;
  readonly windowHours?: number;
  readonly brandName?: string[];
  readonly brandHandle?: string[];
  readonly lenient?: boolean;
  readonly format?: "table" | "json";
}

function repeated(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** `outcomes`: what came of the invitations sent — who responded, how fast, with the disclosure or without. */
export const outcomesCommand: CommandDefinition = (program, run) => {
  program
    .command("outcomes")
    .description("match later posts to the invitations sent: who responded, how fast, disclosed or not; response rates")
    .requiredOption("--invitations <file>", "the invitations sent (triage --invitations-out, or invitationsOf)", filePath)
    .requiredOption("--mentions <file>", "public activity after the invitations (the social format)", filePath)
    .option("--mentions-preset <name>", "the export preset the mentions file is in", text)
    .option("--window-hours <n>", "how long after an invitation a post counts as its answer (default 72)", wholeNumber(1))
    .option("--brand-name <name>", "the brand's name (posts about it count as answers on the platform)", repeated)
    .option("--brand-handle <handle>", "one of the brand's own handles", repeated)
    .option("--lenient", "skip bad rows and report each")
    .option("--format <format>", "table or json (default table)", oneOf(["table", "json"] as const))
    .action((flags: OutcomeFlags) =>
      run(async () => {
        inputFiles({}, [["--invitations", flags.invitations], ["--mentions", flags.mentions]]);
        const mentions = await loadData({ social: flags.mentionsPreset === undefined ? flags.mentions : { file: flags.mentions, preset: flags.mentionsPreset } }, { naming: CLI_OPTION_NAMES });
        const report = trackOutcomes((await readRecords(flags.invitations)) as Record<string, unknown>[], mentions.data.social ?? [], {
          windowHours: flags.windowHours,
          brand: { names: flags.brandName ?? [], handles: flags.brandHandle ?? [] },
          mode: flags.lenient === true ? "lenient" : "strict",
        });
        const notes = [
          `${report.responded} of ${report.invited} invited advocates responded; ${report.disclosed} disclosed${report.medianHoursToFirstReply === undefined ? "" : `; median time to a thread's first advocate reply ${report.medianHoursToFirstReply} h`}`,
          ...(report.needReminder.length > 0 ? [`remind to disclose (posted without it): ${report.needReminder.map(terminalText).join(", ")}`] : []),
          ...skippedNotes(report.problems),
        ];
        if (flags.format === "json") return { output: JSON.stringify(report, null, 2), kind: "json", notes };
        const table = (title: string, rows: typeof report.bySegment) => [`${title}:`, ...rows.map((row) => `  ${terminalText(row.group).padEnd(24)} ${String(row.responded).padStart(4)} / ${String(row.invited).padEnd(4)} ${(row.rate * 100).toFixed(0)} %`)].join("\n");
        return {
          output: [table("by segment", report.bySegment), table("by platform", report.byPlatform), table("by score decile", report.byScoreDecile), table("by incentive", report.byIncentive)].join("\n\n"),
          kind: "text",
          notes,
        };
      }),
    );
};
