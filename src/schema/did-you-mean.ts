/**
 * Edit distance with adjacent transpositions (optimal string alignment): `vioce` is one edit from `voice`, as a
 * person would count it, where plain Levenshtein counts two.
 *
 * @example
 * editDistance("loyality", "loyalty"); //=> 1
 * editDistance("vioce", "voice"); //=> 1
 */
export function editDistance(a: string, b: string): number {
  // Three rolling rows: the one before the previous is what a transposition reaches back to.
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, (beforePrevious[j - 2] as number) + 1);
      current.push(best);
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length] as number;
}

/** Case and separators do not count: `cool_down_days` and `coolDownDays` both mean `cooldownDays`. */
function normalised(name: string): string {
  return name.toLowerCase().replace(/[-_\s]/g, "");
}

/**
 * The known name a mistyped one most likely meant, or `undefined` when none is close. Names are compared ignoring
 * case, `-` and `_`; a name is close when it is at most a third of its length away (at least 1 edit, at most 3),
 * the rule `git` and `commander` follow in spirit. Ties go to the earlier known name, so the answer is stable.
 *
 * @example
 * didYouMean("loyality", ["loyalty", "commitment", "voice"]); //=> "loyalty"
 * didYouMean("coolDownDays", ["cooldownDays", "top"]); //=> "cooldownDays"
 * didYouMean("colour", ["top", "seed"]); //=> undefined
 */
export function didYouMean(name: string, known: Iterable<string>): string | undefined {
  const typed = normalised(name);
  const allowed = Math.min(3, Math.max(1, Math.floor(typed.length / 3)));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const distance = editDistance(typed, normalised(candidate));
    if (distance <= allowed && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * The message for a name that is not one of the known names: what it is, and the closest known name if any.
 * `hints` gives a fixed answer for names that are a known mistake rather than a typo (`lenient` → `mode: "lenient"`).
 *
 * @example
 * unknownNameMessage("maxPerthread", ["maxPerThread", "brand"], "option"); //=> 'unknown option "maxPerthread" (did you mean "maxPerThread"?)'
 */
export function unknownNameMessage(name: string, known: Iterable<string>, what: string, hints: Readonly<Record<string, string>> = {}): string {
  const hint = Object.hasOwn(hints, name) ? hints[name] : undefined;
  const suggestion = hint ?? quoted(didYouMean(name, known));
  return `unknown ${what} ${JSON.stringify(name)}${suggestion === undefined ? "" : ` (did you mean ${suggestion}?)`}`;
}

function quoted(name: string | undefined): string | undefined {
  return name === undefined ? undefined : JSON.stringify(name);
}

/**
 * The strict-options rule without zod, for the code that runs inside a warehouse UDF (the scoring bundle ships
 * without zod, whose size would break the warehouses' code limits): `options` must be absent or an object whose
 * keys are all known; an unknown key is a RangeError naming the closest known one.
 *
 * @throws {TypeError} if `options` is not an object; {RangeError} on an unknown key.
 * @example
 * checkKnownKeys({ topic: {} }, ["topics"], "profileFromRow"); // RangeError: profileFromRow: unknown option "topic" (did you mean "topics"?)
 */
export function checkKnownKeys(options: unknown, known: readonly string[], caller: string): void {
  if (options === undefined) return;
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new TypeError(`${caller}: options must be an object, got ${options === null ? "null" : Array.isArray(options) ? "an array" : `a ${typeof options}`}`);
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) throw new RangeError(`${caller}: ${unknownNameMessage(key, known, "option")}`);
  }
}
