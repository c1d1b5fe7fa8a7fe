import * as z from "zod";
import { topicsSchema } from "./topics.js";

/** Options of `scoringUdf`. Strict, like every options object: an unknown key is an error naming the closest known one. */
export const scoringUdfOptionsSchema = z.strictObject({
  dialect: z.enum(["bigquery", "snowflake"], { error: 'expected dialect "bigquery" or "snowflake"' }),
  /** The `topics` the model was fitted with (comment themes are computed from them); default the library's. */
  topics: topicsSchema.optional(),
  /** Name of the function; default `score_advocate`. In BigQuery a dataset-qualified name (`shop.score_advocate`) makes a persistent function, a bare one a temporary function. */
  functionName: z.string().optional(),
  /** BigQuery: the `gs://` URI the returned `javascript` is uploaded to, for code too big to inline. */
  library: z.string().optional(),
  /** The bundle's text, when `dist/udf/score.js` cannot be read from the installed package (default: read it). */
  bundle: z.string().optional(),
});

/** Options of `scoringUdf`, as callers write them. */
export type ScoringUdfOptions = z.input<typeof scoringUdfOptionsSchema>;
