import * as z from "zod";
import type { ScorePoint } from "../rank/personas.js";

const lift = z.union([z.number(), z.nan()]);

/** What a backtest measured, as the report shows it (the fields of `backtest()`'s result it needs). */
export const reportBacktestSchema = z.strictObject({
  /** How many top-ranked customers were checked. */
  k: z.number().int().min(0),
  /** Share of the top k who spoke up for the brand after the split. */
  precisionAtK: z.number().min(0).max(1),
  /** Precision@k over the base rate (a random pick); NaN when undefined (nobody spoke up): the bar is left out. */
  liftOverRandom: lift,
  /** Precision@k over picking by NPS alone; NaN when undefined: the bar is left out. */
  liftOverNps: lift,
});

/** Options of `renderReport`. Strict, like every options object: an unknown key is an error naming the closest known one. */
export const reportOptionsSchema = z.strictObject({
  /** Page title and heading (default "Brand advocates — as of <asOf>"). */
  title: z.string().optional(),
  /** A backtest to show as a lift chart (e.g. from `backtest()`: its `k`, the advocate ranking's precision@k and lifts). */
  backtest: reportBacktestSchema.optional(),
  /**
   * Scores of everyone to plot in the loyalty × commitment scatter. `result.advocates` holds only the listed
   * advocates — customers who already cleared every minimum — so plotting them alone would hide the population they
   * were picked from. Pass the advocates of a second run with `minimum: { loyalty: 0, commitment: 0, voice: 0 }`
   * (and no `top`) to plot everyone scored. Without it the scatter shows the listed advocates and says so.
   */
  population: z.custom<readonly ScorePoint[]>((value) => Array.isArray(value), { error: "expected an array of scored customers (advocates)" }).optional(),
  /** Rows in the advocate table (default 25). */
  top: z.number().int().min(0).optional(),
  /** Most points drawn in the scatter (default 2,000); beyond it, a deterministic sample by customer ID. */
  maxPoints: z.number().int().min(1).optional(),
});

/** A backtest as the report shows it. */
export type ReportBacktest = z.input<typeof reportBacktestSchema>;
/** Options of `renderReport`, as callers write them. */
export type ReportOptions = z.input<typeof reportOptionsSchema>;
