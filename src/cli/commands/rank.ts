import { advocatesCsv } from "../../io/advocates-csv.js";
import { advocatesTable } from "../../io/advocates-table.js";
import { rankProfiles } from "../../pipeline/identify-advocates.js";
import { resolveOptions } from "../../schema/options.js";
import { addDataFileFlags, addRankingFlags, oneOf, wholeNumber, type DataFileFlags, type RankingFlags } from "../flags.js";
import { inputFiles } from "../inputs.js";
import type { CommandDefinition } from "./command-result.js";
import { EXIT } from "../usage.js";
import { nothingRead, progress, rankingOptions, readProfiles, skippedNotes } from "./shared.js";

interface RankFlags extends DataFileFlags, RankingFlags {
  readonly top?: number;
  readonly format?: "table" | "csv" | "json";
}

/** `rank`: the advocates, best first, as a table, CSV or JSON. */
export const rankCommand: CommandDefinition = (program, run) => {
  const command = program.command("rank").description("rank the customers who are loyal, committed and vocal, best first");
  addDataFileFlags(command);
  addRankingFlags(command);
  command
    .option("--top <n>", "list at most this many advocates (default 20)", wholeNumber(1))
    .option("--format <format>", "table, csv or json (default table)", oneOf(["table", "csv", "json"] as const))
    .action((flags: RankFlags) =>
      run(async () => {
        inputFiles(flags);
        const notes: string[] = [];
        const options = resolveOptions(rankingOptions(flags, flags.top ?? 20));
        const prepared = await readProfiles(flags, options, notes);
        progress("fitting, scoring and ranking");
        const result = rankProfiles(prepared, options);
        notes.push(
          `as of ${result.asOf}: ${result.scored} customers scored, ${result.advocates.length} listed; excluded ${JSON.stringify(result.excluded)}`,
          ...result.warnings.map((warning) => `warning: ${warning}`),
          ...skippedNotes(result.problems),
        );
        if (result.unmatchedAuthors.length > 0) {
          const shown = result.unmatchedAuthors.slice(0, 5).map((author) => `${author.platform} ${author.author} (${author.defences} defences, ${author.favourable} favourable)`);
          notes.push(`unmatched authors (public voices no customer record names; not scored): ${result.unmatchedAuthors.length}, first: ${shown.join("; ")}`);
        }
        const exitCode = nothingRead(prepared) ? EXIT.noData : undefined;
        const format = flags.format ?? "table";
        if (format === "json") return { output: JSON.stringify({ ...result, model: undefined }, null, 2), kind: "json", notes, exitCode };
        if (format === "csv") return { output: advocatesCsv(result.advocates).trimEnd(), kind: "data", notes, exitCode };
        return { output: advocatesTable(result.advocates), kind: "text", notes, exitCode };
      }),
    );
};
