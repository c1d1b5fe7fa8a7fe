/** How much of a bad value an error message shows: enough to recognise it, never a whole pasted document. */
const SHOWN_CHARACTERS = 40;

/**
 * A value as an error message quotes it: strings in double quotes with control characters and quotes escaped (a
 * message goes to terminals and log files, which must not receive raw escape sequences), cut to about 40
 * characters; other values by their type.
 *
 * @example
 * quoteValue("03/04/2026"); //=> '"03/04/2026"'
 * quoteValue("a\u001b[31mred"); //=> '"a\\u001b[31mred"'
 * quoteValue(12); //=> "12"
 */
export function quoteValue(value: unknown): string {
  if (typeof value === "string") {
    const cut = [...value];
    const shown = cut.length > SHOWN_CHARACTERS ? `${cut.slice(0, SHOWN_CHARACTERS).join("")}…` : value;
    // JSON.stringify escapes quotes, backslashes and C0 controls; C1 controls and DEL are escaped by hand.
    return JSON.stringify(shown).replace(/[\u007f-\u009f\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
  }
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "an invalid Date" : value.toISOString();
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (Array.isArray(value)) return "a list";
  return `a ${typeof value}`;
}
