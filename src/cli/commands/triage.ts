import { loadFacts } from "../../io/load-facts.js";
import { loadData } from "../../io/load-data.js";
import { invitationsCsv } from "../../io/invitations-csv.js";
import { terminalText } from "../../io/control-characters.js";
import { invitationsOf } from "../../outcomes/invitations-of.js";
import { rankProfiles } from "../../pipeline/identify-advocates.js";
import { resolveOptions } from "../../schema/options.js";
import { triageCriticism } from "../../triage/triage-criticism.js";
import { addDataFileFlags, addRankingFlags, day, filePath, oneOf, text, wholeNumber, type DataFileFlags, type RankingFlags } from "../flags.js";
import { inputFiles } from "../inputs.js";
import { checkOutputPath, writeOutputFile } from "../out-file.js";
import { CLI_OPTION_NAMES } from "../reading-flags.js";
import { EXIT } from "../usage.js";
import type { CommandDefinition } from "./command-result.js";
import { nothingRead, progress, rankingOptions, readProfiles, skippedNotes } from "./shared.js";

interface TriageFlags extends DataFileFlags, RankingFlags {
  readonly mentions: string;
  readonly mentionsPreset?: string;
  readonly slaMinutes?: number;
  readonly now?: string;
  readonly facts?: string;
  readonly brand?: string;
  readonly maxPerThread?: number;
  readonly maxThreads?: number;
  readonly invitationsOut?: string;
  readonly force?: boolean;
  readonly format?: "table" | "json";
}

/** `triage`: which criticism to answer first, by when, and which advocates to invite after the brand's answer. */
export const triageCommand: CommandDefinition = (program, run) => {
  const command = program.command("triage").description("order criticism of the brand by severity and age, say who answers by when, and arm advocates");
  addDataFileFlags(command);
  addRankingFlags(command);
  command
    .requiredOption("--mentions <file>", "brand mentions to triage, from any channel (the social format; support tickets with public=false)", filePath)
    .option("--mentions-preset <name>", "the export preset the mentions file is in (x-api-v2, social-listening, …)", text)
    .option("--sla-minutes <n>", "the brand's response-time target (default 60)", wholeNumber(1))
    .option("--now <date>", "when to measure ages and deadlines from (default: the latest mention)", day)
    .option("--facts <file>", "brand facts the kits may cite", filePath)
    .option("--brand <name>", 'the brand, as the disclosure line names it (default "the brand")', text)
    .option("--max-per-thread <n>", "at most this many advocates per thread (default 3)", wholeNumber(1))
    .option("--max-threads <n>", "list at most this many threads (default all)", wholeNumber(1))
    .option("--invitations-out <file>", "write the invitations the kits make (CSV), to track their outcomes later", (value: string) => value)
    .option("--force", "replace the --invitations-out file if it exists")
    .option("--format <format>", "table or json (default table)", oneOf(["table", "json"] as const))
    .action((flags: TriageFlags) =>
      run(async () => {
        const inputs = inputFiles(flags, [["--mentions", flags.mentions], ["--facts", flags.facts]]);
        if (flags.invitationsOut !== undefined) checkOutputPath(flags.invitationsOut, { flag: "--invitations-out", force: flags.force === true, inputs });
        const notes: string[] = [];
        const brandFlags = flags.brand !== undefined && flags.brandName === undefined ? { ...flags, brandName: [flags.brand] } : flags;
        const options = resolveOptions(rankingOptions(brandFlags, 100));
        const prepared = await readProfiles(flags, options, notes);
        progress("ranking advocates");
        const ranked = rankProfiles(prepared, options);
        const facts = flags.facts === undefined ? [] : await loadFacts(flags.facts);
        const mentions = await loadData({ social: flags.mentionsPreset === undefined ? flags.mentions : { file: flags.mentions, preset: flags.mentionsPreset } }, { naming: CLI_OPTION_NAMES });
        progress("triaging");
        const triage = triageCriticism(mentions.data.social ?? [], ranked.model, {
          brand: options.brand,
          mode: options.mode,
          slaMinutes: flags.slaMinutes,
          now: flags.now,
          topics: options.topics,
          profiles: prepared.profiles,
          advocates: ranked.advocates,
          arm: { brand: flags.brand ?? "the brand", facts, maxPerThread: flags.maxPerThread ?? 3 },
          maxThreads: flags.maxThreads,
          sourceName: mentions.sourceNames.social,
        });
        notes.push(
          `as of ${triage.now}: ${triage.mentions} mentions, ${triage.criticism} criticism in ${triage.threadCount} threads${triage.threads.length < triage.threadCount ? ` (the ${triage.threads.length} most urgent listed)` : ""}; response target ${triage.slaMinutes} minutes`,
          ...ranked.warnings.map((warning) => `warning: ${warning}`),
          ...skippedNotes([...ranked.problems, ...triage.problems]),
        );
        if (flags.invitationsOut !== undefined) {
          const invitedAt = new Date(triage.now);
          const rows = triage.threads.flatMap((thread) => invitationsOf(thread.advocates, { threadId: thread.id, invitedAt, advocates: ranked.advocates }));
          await writeOutputFile(flags.invitationsOut, invitationsCsv(rows), { flag: "--invitations-out", force: flags.force === true });
          notes.push(`wrote ${terminalText(flags.invitationsOut)}: ${rows.length} invitations`);
        }
        const exitCode = nothingRead(prepared) ? EXIT.noData : undefined;
        if (flags.format === "json") return { output: JSON.stringify(triage, null, 2), kind: "json", notes, exitCode };
        const lines = triage.threads.map((thread, index) =>
          [
            `${String(index + 1).padStart(3)}  ${terminalText(thread.id)}  severity ${thread.severity.toFixed(2)}  ${thread.overdue ? "OVERDUE" : thread.answeredByBrand === undefined ? `due ${thread.deadline}` : "answered"}  ${thread.private ? "(private)" : `reach ${thread.reach}`}`,
            `     "${terminalText(thread.text.slice(0, 140))}"${thread.topics.length > 0 ? `  [${thread.topics.join(", ")}]` : ""}`,
            ...thread.actions.map((action) => `     → ${terminalText(action)}`),
          ].join("\n"),
        );
        return { output: lines.join("\n\n") || "no criticism found", kind: "text", notes, exitCode };
      }),
    );
};
