import { readFile } from "node:fs/promises";
import { InputFileError } from "../../io/read-records.js";
import { terminalText } from "../../io/control-characters.js";
import type { AdvocateModel } from "../../model/advocate-model.js";
import { scoringUdf } from "../../warehouse/scoring-udf.js";
import { filePath, oneOf, outPath, text } from "../flags.js";
import { inputFiles } from "../inputs.js";
import { checkOutputPath, writeOutputFile } from "../out-file.js";
import { UsageError } from "../usage-error.js";
import type { CommandDefinition } from "./command-result.js";

interface UdfFlags {
  readonly model: string;
  readonly dialect: "bigquery" | "snowflake";
  readonly function?: string;
  readonly library?: string;
  readonly outJs?: string;
  readonly force?: boolean;
}

/** `udf`: the SQL that creates a warehouse JavaScript UDF scoring profile rows with a fitted model. */
export const udfCommand: CommandDefinition = (program, run) => {
  program
    .command("udf")
    .description("print the SQL creating a warehouse JavaScript UDF that scores profile rows with a fitted model")
    .requiredOption("--model <file>", "the model from brand-advocates fit", filePath)
    .requiredOption("--dialect <dialect>", "bigquery or snowflake", oneOf(["bigquery", "snowflake"] as const))
    .option("--function <name>", "the function's name (default score_advocate; dataset.name for a persistent BigQuery function)", text)
    .option("--library <uri>", "BigQuery: the gs:// URI the code is uploaded to (needed when it is too big to inline)", text)
    .option("--out-js <file>", "write the UDF's JavaScript to this file (for BigQuery's library option; never over an input file)", outPath)
    .option("--force", "replace the --out-js file if it exists")
    .action((flags: UdfFlags) =>
      run(async () => {
        const force = flags.force === true;
        const inputs = inputFiles({}, [["--model", flags.model]]);
        if (flags.outJs !== undefined) checkOutputPath(flags.outJs, { flag: "--out-js", force, inputs });
        let model: AdvocateModel;
        try {
          model = JSON.parse(await readFile(flags.model, "utf8")) as AdvocateModel;
        } catch (error) {
          throw new InputFileError(flags.model, error instanceof SyntaxError ? "not valid JSON" : "cannot be read");
        }
        let udf;
        try {
          udf = scoringUdf(model, { dialect: flags.dialect, library: flags.library, functionName: flags.function });
        } catch (error) {
          if (error instanceof TypeError) throw new UsageError(`${flags.model}: ${error.message}`);
          throw error;
        }
        const notes: string[] = [];
        if (flags.outJs !== undefined) {
          await writeOutputFile(flags.outJs, udf.javascript, { flag: "--out-js", force });
          notes.push(`wrote ${terminalText(flags.outJs)} (${Math.round(udf.javascript.length / 1024)} KB): upload it where the SQL's library option points`);
        }
        return { output: udf.sql.trimEnd(), kind: "data", notes };
      }),
    );
};
