import type * as z from "zod";
import { describeValue } from "./describe-value.js";
import { didYouMean } from "./did-you-mean.js";

/** Known mistakes that are not typos: a name that is an option's value, or an option of another function. */
export type OptionHints = Readonly<Record<string, string>>;

interface SchemaDef {
  readonly type: string;
  readonly shape?: Record<string, z.ZodType>;
  readonly innerType?: z.ZodType;
  readonly in?: z.ZodType;
  readonly element?: z.ZodType;
  readonly valueType?: z.ZodType;
  readonly options?: readonly z.ZodType[];
}

function defOf(schema: z.ZodType): SchemaDef {
  return (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
}

/** The object schemas reachable at `path` (more than one under a union), through wrappers, arrays and records. */
function objectsAt(schema: z.ZodType, path: readonly PropertyKey[]): Array<Record<string, z.ZodType>> {
  const def = defOf(schema);
  if (def.innerType !== undefined) return objectsAt(def.innerType, path);
  if (def.type === "pipe" && def.in !== undefined) return objectsAt(def.in, path);
  if (def.type === "union") return (def.options ?? []).flatMap((option) => objectsAt(option, path));
  if (path.length === 0) return def.type === "object" && def.shape !== undefined ? [def.shape] : [];
  const [head, ...rest] = path;
  if (def.type === "object") {
    const field = typeof head === "string" && def.shape !== undefined && Object.hasOwn(def.shape, head) ? def.shape[head] : undefined;
    return field === undefined ? [] : objectsAt(field, rest);
  }
  if (def.type === "array" && def.element !== undefined) return objectsAt(def.element, rest);
  if (def.type === "record" && def.valueType !== undefined) return objectsAt(def.valueType, rest);
  return [];
}

/** A key as a path segment: plain when it is an identifier, quoted otherwise (a key may hold anything). */
function segment(key: PropertyKey): string {
  const text = String(key);
  return /^[A-Za-z_$][\w$]*$/.test(text) ? text : JSON.stringify(text);
}

function pathText(path: readonly PropertyKey[]): string {
  return path.map((key, index) => (typeof key === "number" ? `[${key}]` : `${index === 0 ? "" : "."}${segment(key)}`)).join("");
}

/** One line per problem: an unknown key names its full path and the closest known key, any other issue its option. */
function issueLines(schema: z.ZodType, issues: readonly z.core.$ZodIssue[], hints: OptionHints): string[] {
  return issues.flatMap((issue) => {
    if (issue.code !== "unrecognized_keys") return [`  - option ${pathText(issue.path) || "(options)"}: ${issue.message}`];
    const known = objectsAt(schema, issue.path).flatMap((shape) => Object.keys(shape));
    return issue.keys.map((key) => {
      const full = pathText([...issue.path, key]);
      const hint = issue.path.length === 0 && Object.hasOwn(hints, key) ? hints[key] : undefined;
      const close = didYouMean(key, known);
      const suggestion = hint ?? (close === undefined ? undefined : pathText([...issue.path, close]));
      return `  - unknown option ${full}${suggestion === undefined ? "" : ` (did you mean ${suggestion}?)`}`;
    });
  });
}

/**
 * Validates an options object against its strict zod schema and fills in the defaults. Unknown keys are errors,
 * each with the closest known key (nested keys too: `minimum.loyality` → "did you mean minimum.loyalty?"), so a
 * typo in a safety setting can never be dropped silently.
 *
 * @throws {TypeError} if `options` is not an object (absent is fine: every default applies).
 * @throws {RangeError} naming each bad or unknown option.
 * @example
 * parseOptions(armOptionsSchema, { brand: "Northwind", maxPerthread: 1 }, "armAdvocates");
 * // RangeError: Invalid armAdvocates options:
 * //   - unknown option maxPerthread (did you mean maxPerThread?)
 */
export function parseOptions<S extends z.ZodType>(schema: S, options: unknown, caller: string, hints: OptionHints = {}): z.output<S> {
  if (options !== undefined && (typeof options !== "object" || options === null || Array.isArray(options))) {
    throw new TypeError(`${caller === "" ? "" : `${caller}: `}options must be an object, got ${describeValue(options)}`);
  }
  const parsed = schema.safeParse(options ?? {});
  if (parsed.success) return parsed.data;
  const heading = caller === "" ? "Invalid options" : `Invalid ${caller} options`;
  throw new RangeError(`${heading}:\n${issueLines(schema, parsed.error.issues, hints).join("\n")}`);
}
