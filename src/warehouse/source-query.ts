import type { Cte } from "./sql-fragments.js";

/**
 * What one source contributes to the profile query: the step that reads its rows (normalised, one per record), the
 * steps that aggregate them per customer, and the columns of the profile row it fills from the per-customer step
 * it joins.
 */
export interface SourceQuery {
  /** `<source>_records`: one row per usable record, with `customer_id`, `source_row` and (dated sources) `event_day`. */
  readonly records: Cte;
  /** Steps that must come before "as of" (who is excluded for good, which decides what "as of" may see). */
  readonly beforeAsOf?: readonly Cte[] | undefined;
  /** Steps that aggregate the records, in order. */
  readonly aggregates: readonly Cte[];
  /** Per-customer steps (one row per customer ID) joined to the profiled customers, each under its alias. */
  readonly joins: ReadonlyArray<readonly [cte: string, alias: string]>;
  /** Output columns: name in the profile row → SQL expression over the joined aliases. */
  readonly columns: ReadonlyArray<readonly [name: string, expression: string]>;
}
