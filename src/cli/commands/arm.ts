import { armAdvocates } from "../../arm/arm-advocates.js";
import { kitMarkdown } from "../../arm/kit-markdown.js";
import { kitsCsv } from "../../io/kits-csv.js";
import { loadFacts } from "../../io/load-facts.js";
import { rankProfiles } from "../../pipeline/identify-advocates.js";
import { INCENTIVE_CONDITIONS, incentiveTextProblem, type IncentiveCondition } from "../../schema/incentive.js";
import { resolveOptions } from "../../schema/options.js";
import { addDataFileFlags, addRankingFlags, filePath, oneOf, text, wholeNumber, type DataFileFlags, type RankingFlags } from "../flags.js";
import { inputFiles } from "../inputs.js";
import { UsageError } from "../usage-error.js";
import type { CommandDefinition } from "./command-result.js";
import { EXIT } from "../usage.js";
import { nothingRead, rankingOptions, readProfiles, skippedNotes } from "./shared.js";

interface ArmFlags extends DataFileFlags, RankingFlags {
  readonly criticismText: string;
  readonly platform: string;
  readonly topic?: string;
  readonly facts?: string;
  readonly brand?: string;
  readonly incentive?: string;
  readonly incentiveCondition?: IncentiveCondition;
  readonly maxPerThread?: number;
  readonly top?: number;
  readonly format?: "markdown" | "csv" | "json";
}

/** `arm`: a kit per advocate picked to answer one criticism, as Markdown briefs, CSV or JSON. */
export const armCommand: CommandDefinition = (program, run) => {
  const command = program.command("arm").description("pick advocates for one criticism and arm each with a cited, disclosed kit");
  addDataFileFlags(command);
  addRankingFlags(command);
  command
    .requiredOption("--criticism-text <text>", "the criticism's text", text)
    .requiredOption("--platform <name>", "where it was posted (twitter, reddit, …)", text)
    .option("--topic <topic>", "its topic, when the text does not say (shipping, price, …)", text)
    .option("--facts <file>", "brand facts the kits may cite: id,topic,claim,source", filePath)
    .option("--brand <name>", 'the brand, as the disclosure line names it (default "the brand")', text)
    .option("--incentive <text>", "what advocates receive, disclosed in every post; never tied to what they say", text)
    .option("--incentive-condition <condition>", 'what the incentive depends on: "none" (default) or "for-posting" (for posting at all, whatever it says)', oneOf(INCENTIVE_CONDITIONS))
    .option("--max-per-thread <n>", "at most this many advocates per thread (default 3)", wholeNumber(1))
    .option("--top <n>", "consider the best this many advocates (default 100)", wholeNumber(1))
    .option("--format <format>", "markdown, csv or json (default markdown)", oneOf(["markdown", "csv", "json"] as const))
    .action((flags: ArmFlags) =>
      run(async () => {
        inputFiles(flags, [["--facts", flags.facts]]);
        if (flags.incentiveCondition !== undefined && flags.incentive === undefined) throw new UsageError("--incentive-condition needs --incentive");
        // Checked before any data is read: a refused incentive should not cost a minute of profiling first.
        const problem = flags.incentive === undefined ? undefined : incentiveTextProblem(flags.incentive);
        if (problem !== undefined) {
          throw new UsageError(
            `--incentive ${JSON.stringify(flags.incentive)} ties the reward to ${problem.rule} (${JSON.stringify(problem.words)}): an incentive may not depend on what the advocate says ` +
              "(tone, rating, recommending). Say only what they receive; add --incentive-condition for-posting if it is given for posting, whatever the post says",
          );
        }
        const notes: string[] = [];
        // The disclosure's brand name also tells posts about the brand, unless --brand-name says otherwise.
        const brandFlags = flags.brand !== undefined && flags.brandName === undefined ? { ...flags, brandName: [flags.brand] } : flags;
        const options = resolveOptions(rankingOptions(brandFlags, flags.top ?? 100));
        const prepared = await readProfiles(flags, options, notes);
        const ranked = rankProfiles(prepared, options);
        const facts = flags.facts === undefined ? [] : await loadFacts(flags.facts);
        const incentive = flags.incentive === undefined ? undefined : { what: flags.incentive, condition: flags.incentiveCondition ?? "none" };
        const result = armAdvocates(
          ranked.advocates,
          { platform: flags.platform, text: flags.criticismText, topic: flags.topic },
          { brand: flags.brand ?? "the brand", facts, incentive, maxPerThread: flags.maxPerThread },
        );
        notes.push(
          `topics: ${result.topics.join(", ") || "none"}; ${result.kits.length} kits; ${result.notOnPlatform} advocates not on ${result.criticism.platform}; ${result.overCap} over the per-thread cap`,
          ...result.alerts.map((alert) => `alert (not on ${result.criticism.platform}): ${alert.customerId}, score ${alert.score}, active on ${alert.platforms.join(", ") || "no platform"}`),
          ...ranked.warnings.map((warning) => `warning: ${warning}`),
          ...skippedNotes(ranked.problems),
        );
        const exitCode = nothingRead(prepared) ? EXIT.noData : undefined;
        const format = flags.format ?? "markdown";
        if (format === "json") return { output: JSON.stringify(result, null, 2), kind: "json", notes, exitCode };
        if (format === "csv") return { output: kitsCsv(result).trimEnd(), kind: "data", notes, exitCode };
        return { output: result.kits.map((kit) => kitMarkdown(kit, result)).join("\n---\n\n"), kind: "data", notes, exitCode };
      }),
    );
};
