/**
 * Characters that act on a terminal or a text display instead of being shown: C0 controls (ESC starts the escape
 * sequences that recolour, move the cursor, retitle the window or forge hyperlinks; CR and BS overwrite what was
 * printed), DEL, C1 controls (U+009B is an 8-bit CSI), the line and paragraph separators, and the bidirectional
 * overrides and isolates that reorder what is shown ("Trojan Source").
 */
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/** The control characters JSON.stringify leaves as they are (it escapes C0; the layout's newlines must stay). */
const NOT_ESCAPED_BY_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/** A control character written out as text: `\x1b`, `\u202e`, `\n`. */
function visible(character: string): string {
  const code = character.codePointAt(0) as number;
  if (character === "\n") return "\\n";
  if (character === "\r") return "\\r";
  if (character === "\t") return "\\t";
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/**
 * Data made safe to print on a terminal: every control character ({@link CONTROL_CHARACTERS}) is shown as an escape
 * (`\x1b[31m` prints as those seven characters, not as red), so an ID, a name or a post cannot recolour the screen,
 * hide text, forge a line or a hyperlink. Newlines are escaped too: one value never becomes two lines.
 *
 * @example
 * terminalText("Ann\u001b[2J"); //=> "Ann\\x1b[2J"
 * terminalText("two\nlines"); //=> "two\\nlines"
 */
export function terminalText(value: string): string {
  return value.replace(CONTROL_CHARACTERS, visible);
}

/**
 * A message of several lines made safe to print on a terminal: each line as {@link terminalText}, the line breaks
 * kept (for messages the library builds line by line; a data value inside one line is escaped with that line).
 *
 * @example
 * terminalLines("2 problems:\n  - row 1: \u001b[31m"); //=> "2 problems:\n  - row 1: \\x1b[31m"
 */
export function terminalLines(message: string): string {
  return message.split("\n").map(terminalText).join("\n");
}

/**
 * JSON text made safe to print on a terminal and still the same JSON: JSON already escapes C0 controls; this escapes
 * the rest of {@link CONTROL_CHARACTERS} (DEL, C1 controls, separators, bidi overrides) as `\uXXXX`, which every JSON
 * parser reads back as the same characters.
 *
 * @example
 * terminalJson(JSON.stringify({ name: "\u202eevil" })); //=> '{"name":"\\u202eevil"}'
 */
export function terminalJson(json: string): string {
  return json.replace(NOT_ESCAPED_BY_JSON, (character) => `\\u${(character.codePointAt(0) as number).toString(16).padStart(4, "0")}`);
}
