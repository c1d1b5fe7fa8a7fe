import type { AdvocateOptions } from "./options.js";
import type { FieldIssue } from "./record-validator.js";

/** The range an `answers.*` item must fall in, and the scale that says so. */
export interface AnswerRange {
  readonly min: number;
  readonly max: number;
  readonly scale: string;
}

/**
 * Where each survey item's answers must fall: the range of the scale it belongs to (the `scales` option), or
 * `answerScale` for items in no scale. A 9 on a 1–7 item is a bad row, not something to clamp silently.
 *
 * @example
 * answerRanges(resolveOptions({ answerScale: { min: 1, max: 7 } }))("trust"); //=> { min: 1, max: 7, scale: "answerScale" }
 */
export function answerRanges(options: Pick<AdvocateOptions, "scales" | "answerScale">): (item: string) => AnswerRange {
  const rangeOf = new Map<string, AnswerRange>();
  for (const scale of options.scales ?? []) {
    for (const item of scale.items) rangeOf.set(item, { min: scale.min, max: scale.max, scale: scale.name });
  }
  const fallback: AnswerRange = { min: options.answerScale.min, max: options.answerScale.max, scale: "answerScale" };
  return (item) => rangeOf.get(item) ?? fallback;
}

/**
 * The answers of one response that fall outside their item's range, one issue each.
 *
 * @example
 * answerRangeIssues({ trust: 9 }, answerRanges(resolveOptions())); //=> [{ field: "answers.trust", message: "expected 1–5 (answerScale)" }]
 */
export function answerRangeIssues(answers: Readonly<Record<string, number>> | undefined, rangeOf: (item: string) => AnswerRange): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (answers === undefined) return issues;
  for (const [item, value] of Object.entries(answers)) {
    const range = rangeOf(item);
    if (value < range.min || value > range.max) issues.push({ field: `answers.${item}`, message: `expected ${range.min}–${range.max} (${range.scale})` });
  }
  return issues;
}
