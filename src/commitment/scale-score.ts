import type { ScaleDefinition } from "../schema/scale.js";

/**
 * One item's answer on 0..1: `(value − min) / (max − min)`, reversed for reverse-coded items, so 1 always means
 * "more" of the construct.
 *
 * @example
 * itemScore({ name: "love", construct: "brand-love", items: ["q1", "q2"], min: 1, max: 7, reverse: ["q2"] }, "q2", 2); //=> 0.8333
 */
export function itemScore(scale: ScaleDefinition, item: string, value: number): number {
  const normalised = (value - scale.min) / (scale.max - scale.min);
  const oriented = scale.reverse.includes(item) ? 1 - normalised : normalised;
  return Math.min(1, Math.max(0, oriented));
}

/**
 * A response's score on a scale: the mean of the item scores it answered (0..1), or `undefined` when it answered
 * none of the scale's items.
 *
 * @example
 * scaleScore(scale, [["q1", 7], ["q2", 1]]); //=> 1 (q2 is reverse-coded)
 */
export function scaleScore(scale: ScaleDefinition, answers: ReadonlyArray<readonly [string, number]>): number | undefined {
  let total = 0;
  let count = 0;
  // Indexed rather than destructured: this runs per scale and response on every score() call.
  for (let index = 0; index < answers.length; index += 1) {
    const answer = answers[index] as readonly [string, number];
    const item = answer[0];
    if (!scale.items.includes(item)) continue;
    total += itemScore(scale, item, answer[1]);
    count += 1;
  }
  return count > 0 ? total / count : undefined;
}
