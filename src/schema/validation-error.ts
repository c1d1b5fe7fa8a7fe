import { formatProblem, type InputProblem } from "./problem.js";

/**
 * Thrown in strict mode when input records are invalid. `problems` lists each bad record (up to the
 * `maxProblems` option), `total` counts them all; the message names file, row and field for each.
 *
 * @example
 * try { identifyAdvocates({ purchases: [{ customerId: "a", date: "soon", amount: 5 }] }); }
 * catch (error) { if (error instanceof ValidationError) console.log(error.problems[0]?.field); } //=> "date"
 */
export class ValidationError extends Error {
  override readonly name = "ValidationError";
  readonly problems: readonly InputProblem[];
  readonly total: number;

  constructor(problems: readonly InputProblem[], total: number = problems.length) {
    const shown = problems.map((problem) => `  - ${formatProblem(problem)}`).join("\n");
    const more = total > problems.length ? `\n  … and ${total - problems.length} more` : "";
    super(`${total} invalid input record${total === 1 ? "" : "s"}:\n${shown}${more}`);
    this.problems = problems;
    this.total = total;
  }
}
