import { backtestProfiles, backtestSplit, type BacktestOptions, type BacktestResult } from "../../pipeline/backtest.js";
import { addDataFileFlags, addRankingFlags, day, oneOf, wholeNumber, type DataFileFlags, type RankingFlags } from "../flags.js";
import { inputFiles } from "../inputs.js";
import type { CommandDefinition } from "./command-result.js";
import { readProfiles } from "./shared.js";

/** What the backtest flags hold once parsed (report shares them). */
export interface BacktestFlags extends DataFileFlags, RankingFlags {
  readonly splitDate?: string;
  readonly k?: number;
}

/** A backtest of the data files, split at --split-date (the files are read as of that day). */
export async function runBacktest(flags: BacktestFlags & { splitDate: string }, notes: string[]): Promise<BacktestResult> {
  const options: BacktestOptions = {
    mode: flags.lenient === true ? "lenient" : "strict",
    splitDate: flags.splitDate,
    k: flags.k,
    requireConsent: flags.requireConsent ?? false,
    cooldownDays: flags.cooldownDays,
  };
  return backtestProfiles(await readProfiles(flags, backtestSplit(options).options, notes), options);
}

/** `backtest`: does the ranking as of a past day pick the people who then spoke up? */
export const backtestCommand: CommandDefinition = (program, run) => {
  const command = program.command("backtest").description("rank as of a past day and measure who then spoke up: precision@k and lift over random and NPS");
  addDataFileFlags(command);
  addRankingFlags(command, { asOf: false });
  command
    .requiredOption("--split-date <date>", "rank as of this day, read outcomes after it", day)
    .option("--k <n>", "measure precision in the top k (default 50)", wholeNumber(1))
    .option("--format <format>", "table or json (default table)", oneOf(["table", "json"] as const))
    .action((flags: BacktestFlags & { splitDate: string; format?: "table" | "json" }) =>
      run(async () => {
        inputFiles(flags);
        const notes: string[] = [];
        const result = await runBacktest(flags, notes);
        if ((flags.format ?? "table") === "json") return { output: JSON.stringify(result, null, 2), kind: "json", notes };
        const lift = (value: number | undefined) => (value === undefined ? "n/a" : `${value.toFixed(2)}×`);
        const output = [
          `Backtest: ranked as of ${result.splitDate}, outcomes read to ${result.endDate}`,
          `${result.customers} customers ranked; ${result.positives} defended the brand or posted favourably about it afterwards (base rate ${(result.baseRate * 100).toFixed(1)} %)`,
          `precision@${result.k}: advocate ranking ${result.advocateRanking.precisionAtK.toFixed(3)} (${result.advocateRanking.hits} hits), NPS-only ${result.npsRanking.precisionAtK.toFixed(3)} (${result.npsRanking.hits} hits)`,
          `lift@${result.k}: ${lift(result.liftOverRandom)} over random, ${lift(result.liftOverNps)} over NPS-only`,
        ].join("\n");
        return { output, kind: "text", notes };
      }),
    );
};
