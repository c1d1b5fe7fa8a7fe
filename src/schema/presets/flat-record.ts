/**
 * Flattens a JSON object into one record with dotted keys (`public_metrics.like_count`), the form a preset's
 * `columns` name nested values in. Arrays are left out: they need the preset's own reading (the X API's
 * `referenced_tweets`), not a positional key. Values are kept as parsed.
 *
 * @example
 * flatRecord({ id: "1", public_metrics: { like_count: 3 }, entities: { urls: [] } });
 * //=> { id: "1", "public_metrics.like_count": 3 }
 */
export function flatRecord(value: unknown, prefix = ""): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  if (value === null || typeof value !== "object" || Array.isArray(value)) return flat;
  for (const [key, inner] of Object.entries(value)) {
    const path = `${prefix}${key}`;
    if (Array.isArray(inner)) continue;
    if (inner !== null && typeof inner === "object") Object.assign(flat, flatRecord(inner, `${path}.`));
    else flat[path] = inner;
  }
  return flat;
}

/**
 * The record with every one of `keys` present (`undefined` where it has no value) and only the keys it had or
 * was given: every record a reader yields then has the same header, whichever record the engine reads it from.
 *
 * @example
 * withKeys({ id: "1" }, ["id", "text"]); //=> { id: "1", text: undefined }
 */
export function withKeys(record: Readonly<Record<string, unknown>>, keys: readonly string[]): Record<string, unknown> {
  const complete: Record<string, unknown> = { ...record };
  for (const key of keys) if (!Object.hasOwn(complete, key)) complete[key] = undefined;
  return complete;
}

/**
 * Every column name a preset maps, in `columns` then `extraColumns` (every candidate name), so a JSON reader can
 * give each record all of them.
 *
 * @example
 * mappedKeys({ columns: { author: "author.username" }, extraColumns: { likes: "public_metrics.like_count" } });
 * //=> ["author.username", "public_metrics.like_count"]
 */
export function mappedKeys(preset: {
  readonly columns: Readonly<Record<string, string | readonly string[]>>;
  readonly extraColumns?: Readonly<Record<string, string | readonly string[]>> | undefined;
}): string[] {
  const names = [...Object.values(preset.columns), ...Object.values(preset.extraColumns ?? {})];
  return names.flatMap((name) => (typeof name === "string" ? [name] : [...name]));
}
