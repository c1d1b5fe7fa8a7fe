import { fitModelToProfiles } from "../../model/fit-model.js";
import { resolveOptions } from "../../schema/options.js";
import { terminalText } from "../../io/control-characters.js";
import { addDataFileFlags, addOutFlags, addRankingFlags, type DataFileFlags, type OutFileFlags, type RankingFlags } from "../flags.js";
import { inputFiles } from "../inputs.js";
import { checkOutputPath, writeOutputFile } from "../out-file.js";
import type { CommandDefinition } from "./command-result.js";
import { EXIT } from "../usage.js";
import { nothingRead, progress, rankingOptions, readProfiles, skippedNotes } from "./shared.js";

/** `fit`: the fitted model as plain JSON, for `udf` and for scoring elsewhere. */
export const fitCommand: CommandDefinition = (program, run) => {
  const command = program.command("fit").description("fit the model to the data files and write it as JSON (for udf, or score(profile, model))");
  addDataFileFlags(command);
  addRankingFlags(command);
  addOutFlags(command, "the model (JSON)", { required: true });
  command.action((flags: DataFileFlags & RankingFlags & OutFileFlags & { out: string }) =>
    run(async () => {
      const force = flags.force === true;
      checkOutputPath(flags.out, { flag: "--out", force, inputs: inputFiles(flags) });
      const notes: string[] = [];
      const options = resolveOptions(rankingOptions(flags));
      const prepared = await readProfiles(flags, options, notes);
      progress("fitting");
      const model = fitModelToProfiles(prepared.profiles, prepared.asOfDay, options);
      await writeOutputFile(flags.out, `${JSON.stringify(model, null, 2)}\n`, { flag: "--out", force });
      return {
        output: `wrote ${terminalText(flags.out)}: a model fitted on ${model.population} customers as of ${model.asOf}`,
        kind: "text",
        notes: [...notes, ...[...prepared.warnings, ...model.commitment.warnings].map((warning) => `warning: ${warning}`), ...skippedNotes(prepared.problems)],
        exitCode: nothingRead(prepared) ? EXIT.noData : undefined,
      };
    }),
  );
};
