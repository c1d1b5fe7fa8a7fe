/**
 * The edit distance (Levenshtein: insertions, deletions, substitutions) between two short names. Preset names are a
 * handful of short words, so the plain two-row dynamic programme is all this needs.
 *
 * @example
 * editDistance("shopfy", "shopify"); //=> 1
 */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(substitution, (previous[j] as number) + 1, (current[j - 1] as number) + 1));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/**
 * The candidate a mistyped name most likely meant: one that starts with it or contains it, else the nearest by
 * edit distance when it is within a third of the name's length (at least 2); `undefined` when nothing is close.
 * Ties go to the candidate listed first, so the answer is deterministic.
 *
 * @example
 * closestName("typefrom", ["typeform", "qualtrics"]); //=> "typeform"
 * closestName("zzz", ["typeform", "qualtrics"]); //=> undefined
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  if (name === "") return undefined;
  const containing = candidates.find((candidate) => candidate.startsWith(name) || (name.length >= 4 && candidate.includes(name)));
  if (containing !== undefined) return containing;
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
