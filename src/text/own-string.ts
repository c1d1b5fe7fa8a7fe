/**
 * A copy of a string that does not share memory with the text it was cut from. V8 represents a substring of 13 or
 * more characters as a slice of its parent, so one stored comment cut from an 8 MB chunk of a CSV file would keep
 * the whole chunk alive; stored strings are copied instead.
 *
 * @example
 * ownString("Love the beans, fresh every time."); //=> the same text, in its own memory
 */
export function ownString<T extends string | undefined>(text: T): T {
  return typeof text === "string" && text.length >= 13 ? (` ${text}`.slice(1) as T) : text;
}
