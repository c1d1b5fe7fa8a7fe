/** Where a record came from: the source (a file name or an array's name) and its 1-based row (the header is not a row). */
export interface RecordRef {
  readonly source: string;
  readonly row: number;
}

/** One bad record: which source, which row, which field and what was expected. */
export interface InputProblem extends RecordRef {
  /** Dotted path of the offending field (`amount`, `answers.trust`), or `(record)` for the record as a whole. */
  readonly field: string;
  readonly message: string;
}

/**
 * Formats a record reference the way people read it.
 *
 * @example
 * formatRef({ source: "purchases.csv", row: 12 }); //=> "purchases.csv row 12"
 */
export function formatRef(ref: RecordRef): string {
  return `${ref.source} row ${ref.row}`;
}

/**
 * Formats one input problem as a single line naming source, row, field and what was expected.
 *
 * @example
 * formatProblem({ source: "surveys.csv", row: 3, field: "nps", message: "expected 0–10" });
 * //=> "surveys.csv row 3, field nps: expected 0–10"
 */
export function formatProblem(problem: InputProblem): string {
  return `${formatRef(problem)}, field ${problem.field}: ${problem.message}`;
}
