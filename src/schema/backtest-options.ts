import * as z from "zod";
import { dateField } from "./fields.js";
import { advocateOptionsSchema } from "./options.js";

/**
 * Options of `backtest`: the ranking options (without `asOf`, `top` and `minimum`, which the backtest sets: it ranks
 * everyone as of the split), plus where to split and how many to pick. Strict, like every options object: an
 * unknown key is an error naming the closest known one.
 */
export const backtestOptionsSchema = advocateOptionsSchema.omit({ asOf: true, top: true, minimum: true }).extend({
  /** Everything is built from data on or before this day; outcomes are read after it. */
  splitDate: dateField,
  /** How many customers a team would invite: precision is measured in the top k (default 50). */
  k: z.number().int().positive({ error: "expected a whole number > 0" }).optional(),
});

/** Options of `backtest`, as callers write them. */
export type BacktestOptions = z.input<typeof backtestOptionsSchema>;
