import { rankProfiles } from "../../pipeline/identify-advocates.js";
import { renderReport, type ReportBacktest } from "../../report/index.js";
import { resolveOptions } from "../../schema/options.js";
import { terminalText } from "../../io/control-characters.js";
import { addDataFileFlags, addOutFlags, addRankingFlags, day, wholeNumber, type OutFileFlags } from "../flags.js";
import { inputFiles } from "../inputs.js";
import { checkOutputPath, writeOutputFile } from "../out-file.js";
import { runBacktest, type BacktestFlags } from "./backtest.js";
import type { CommandDefinition } from "./command-result.js";
import { EXIT } from "../usage.js";
import { nothingRead, progress, rankingOptions, readProfiles, skippedNotes } from "./shared.js";

interface ReportFlags extends BacktestFlags, OutFileFlags {
  readonly out: string;
  readonly top?: number;
}

/** `report`: one self-contained HTML file for a marketing team. */
export const reportCommand: CommandDefinition = (program, run) => {
  const command = program.command("report").description("write a self-contained HTML report: segments, scatter, P(alive), backtest lift, top advocates");
  addDataFileFlags(command);
  addRankingFlags(command);
  addOutFlags(command, "the HTML report", { required: true });
  command
    .option("--split-date <date>", "also backtest as of this day and chart the lift", day)
    .option("--k <n>", "the backtest's top k (default 50; with --split-date)", wholeNumber(1))
    .option("--top <n>", "advocates listed (default all who clear the minimums)", wholeNumber(1))
    .action((flags: ReportFlags) =>
      run(async () => {
        const inputs = inputFiles(flags);
        const force = flags.force === true;
        checkOutputPath(flags.out, { flag: "--out", force, inputs });
        const notes: string[] = [];
        const options = rankingOptions(flags, flags.top);
        const listing = resolveOptions(options);
        const prepared = await readProfiles(flags, listing, notes);
        progress("ranking");
        const result = rankProfiles(prepared, listing);
        // The scatter shows everyone scored, not only those who cleared the minimums: same profiles, no minimums.
        const everyone = rankProfiles(prepared, resolveOptions({ ...options, top: undefined, minimum: { loyalty: 0, commitment: 0, voice: 0 } }));
        let lifts: ReportBacktest | undefined;
        if (flags.splitDate !== undefined) {
          progress("backtesting");
          const tested = await runBacktest({ ...flags, splitDate: flags.splitDate }, notes);
          lifts = { k: tested.k, precisionAtK: tested.advocateRanking.precisionAtK, liftOverRandom: tested.liftOverRandom ?? Number.NaN, liftOverNps: tested.liftOverNps ?? Number.NaN };
        }
        progress("rendering charts");
        const html = await renderReport(result, { population: everyone.advocates, backtest: lifts });
        await writeOutputFile(flags.out, html, { flag: "--out", force });
        return {
          output: `wrote ${terminalText(flags.out)} (${Math.round(html.length / 1024)} KB)`,
          kind: "text",
          notes: [...notes, ...result.warnings.map((warning) => `warning: ${warning}`), ...skippedNotes(result.problems)],
          exitCode: nothingRead(prepared) ? EXIT.noData : undefined,
        };
      }),
    );
};
