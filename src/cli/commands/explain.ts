import { explainCustomer } from "../../io/explain-customer.js";
import { fitModelToProfiles } from "../../model/fit-model.js";
import { score } from "../../model/score.js";
import { resolveOptions } from "../../schema/options.js";
import { terminalText } from "../../io/control-characters.js";
import { addDataFileFlags, addRankingFlags, type DataFileFlags, type RankingFlags } from "../flags.js";
import { inputFiles } from "../inputs.js";
import { UsageError } from "../usage-error.js";
import type { CommandDefinition } from "./command-result.js";
import { progress, rankingOptions, readProfiles } from "./shared.js";

/** `explain <customerId>`: one customer's scores and the evidence behind them. */
export const explainCommand: CommandDefinition = (program, run) => {
  const command = program.command("explain").description("explain one customer's scores and the evidence behind them").argument("<customerId>", "the customer to explain");
  addDataFileFlags(command);
  addRankingFlags(command);
  command.action((customerId: string, flags: DataFileFlags & RankingFlags) =>
    run(async () => {
      inputFiles(flags);
      const notes: string[] = [];
      const options = resolveOptions(rankingOptions(flags));
      const prepared = await readProfiles(flags, options, notes);
      progress("fitting");
      const profile = prepared.profiles.get(customerId);
      if (profile === undefined) {
        throw new UsageError(`customer ${terminalText(JSON.stringify(customerId))} is not in the data (or was excluded before profiling: opted out, no consent, invited recently)`);
      }
      const model = fitModelToProfiles(prepared.profiles, prepared.asOfDay, options);
      return { output: explainCustomer(score(profile, model)), kind: "text", notes: [...notes, `as of ${model.asOf}`] };
    }),
  );
};

