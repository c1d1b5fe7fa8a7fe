import { editDistance } from "../did-you-mean.js";

/**
 * The candidate nearest to `wanted` (compared as `normalise` makes them), when it is near enough to be a likely
 * misspelling or variant (unlike `didYouMean`, a header that contains the name counts as near): within a third of the longer name's length in edits, or one contains the other.
 *
 * @example
 * closestName("amount", ["Total", "Amount (USD)", "Date"]); //=> "Amount (USD)"
 * closestName("loyality", ["loyalty", "commitment", "voice"]); //=> "loyalty"
 * closestName("zzz", ["loyalty"]); //=> undefined
 */
export function closestName(wanted: string, candidates: readonly string[], normalise: (name: string) => string = (name) => name.toLowerCase()): string | undefined {
  const target = normalise(wanted);
  if (target === "") return undefined;
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const name = normalise(candidate);
    if (name === "") continue;
    const contains = name.includes(target) || target.includes(name);
    const distance = editDistance(target, name);
    const near = contains || distance <= Math.max(1, Math.floor(Math.max(target.length, name.length) / 3));
    // Containment ("amount" in "amountusd") ranks as a near miss of one edit.
    const score = contains ? Math.min(distance, 1) : distance;
    if (near && score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
