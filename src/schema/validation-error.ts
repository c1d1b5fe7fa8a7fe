import { formatProblem, type InputProblem } from "./problem.js";

/** Problems that say the same thing about the same field of one source, shown as one line listing their rows. */
function groupedLines(problems: readonly InputProblem[]): string[] {
  const groups: Array<{ first: InputProblem; rows: number[] }> = [];
  const byKey = new Map<string, { first: InputProblem; rows: number[] }>();
  for (const problem of problems) {
    const key = `${problem.source}\u0000${problem.field}\u0000${problem.message}`;
    const group = byKey.get(key);
    if (group === undefined) {
      const created = { first: problem, rows: [problem.row] };
      byKey.set(key, created);
      groups.push(created);
    } else group.rows.push(problem.row);
  }
  return groups.map(({ first, rows }) => {
    if (rows.length === 1) return `  - ${formatProblem(first)}`;
    const shown = rows.slice(0, 5).join(", ");
    return `  - ${first.source} rows ${shown}${rows.length > 5 ? ` … (${rows.length} rows)` : ""}, field ${first.field}: ${first.message}`;
  });
}

/**
 * Thrown in strict mode when input records are invalid. `problems` lists the problems found (up to the
 * `maxProblems` option), `total` counts every problem and `rows` the rows that had any (a row may have several);
 * the message names file, row and field for each, one line for a problem repeated on many rows.
 *
 * @example
 * try { identifyAdvocates({ purchases: [{ customerId: "a", date: "soon", amount: 5 }] }); }
 * catch (error) { if (error instanceof ValidationError) console.log(error.problems[0]?.field); } //=> "date"
 */
export class ValidationError extends Error {
  override readonly name = "ValidationError";
  readonly problems: readonly InputProblem[];
  readonly total: number;
  readonly rows: number;

  constructor(problems: readonly InputProblem[], total: number = problems.length, rows?: number) {
    const bad = rows ?? new Set(problems.map((problem) => `${problem.source}\u0000${problem.row}`)).size;
    const more = total > problems.length ? `\n  … and ${total - problems.length} more problem${total - problems.length === 1 ? "" : "s"}` : "";
    const counted = total === bad ? "" : ` (${total} problems)`;
    super(`${bad} invalid input row${bad === 1 ? "" : "s"}${counted}:\n${groupedLines(problems).join("\n")}${more}`);
    this.problems = problems;
    this.total = total;
    this.rows = bad;
  }
}
