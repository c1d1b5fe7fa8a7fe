import type { InputProblem } from "./problem.js";

/**
 * Collects input problems: all of them in lenient mode (every skipped row is reported), the first `cap` in strict
 * mode (the error lists that many), counting every one either way.
 *
 * @example
 * const log = new ProblemLog(2);
 * for (const row of [1, 2, 3]) log.add({ source: "purchases", row, field: "date", message: "expected a date" });
 * [log.problems.length, log.total]; //=> [2, 3]
 */
export class ProblemLog {
  readonly problems: InputProblem[] = [];
  total = 0;

  constructor(readonly cap = Number.POSITIVE_INFINITY) {}

  add(problem: InputProblem): void {
    this.total += 1;
    if (this.problems.length < this.cap) this.problems.push(problem);
  }
}
