import { CONTROL_CHARACTERS, terminalText } from "../io/control-characters.js";

/** Markdown punctuation that can start emphasis, code, links, images, tables, strikethrough or an escape anywhere in a line. */
const INLINE_SYNTAX = /[\\`*_[\]|~]/g;
/** What can open a block at the start of a line: a heading, a quote, a list item, a thematic break, a setext underline. */
const LINE_START = /^(\s*)(\d*)([#>+\-=.)])/;
const HTML: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/**
 * Web addresses in data shown the way security reports show them, `hxxps://evil.example`, `www[.]evil.example`:
 * still readable, but no renderer that links bare URLs (GitHub, most mail clients) makes a critic's URL clickable.
 */
function defanged(text: string): string {
  return text.replace(/\b(h)tt(ps?:\/\/)/gi, "$1xx$2").replace(/\b(www)\./gi, "$1[.]");
}

/**
 * Any text made safe to interpolate into one line of Markdown: nothing in it can become markup. `<` and `>` become
 * entities (and `&` where it would start one) (no raw HTML: no `<script>`, no `<img onerror>`, no autolink), Markdown punctuation is
 * backslash-escaped (no links, images, `javascript:` targets, emphasis or code), a heading, quote or list marker at
 * its start is escaped, web addresses are defanged (`hxxps://…`, so a renderer that links bare URLs makes no link of
 * them), line breaks become spaces (a value can never open a new line, so never a forged `## `
 * section) and other control characters are shown as escapes (`\x1b`).
 *
 * @example
 * markdownText("[click](javascript:alert(1))"); //=> "\\[click\\](javascript:alert(1))"
 * markdownText("x\n## Forged"); //=> "x \\## Forged"
 */
export function markdownText(value: string): string {
  const oneLine = value.replace(/\r\n|[\r\n\u2028\u2029\t]/g, " ");
  const shown = defanged(oneLine.replace(CONTROL_CHARACTERS, (character) => terminalText(character)));
  // `&` only where it would start an entity (`&lt;`, `&#60;`): "Tea & Co" stays as written.
  const escaped = shown.replace(/&(?=#?[A-Za-z0-9]+;)|[<>]/g, (character) => HTML[character] as string).replace(INLINE_SYNTAX, (character) => `\\${character}`);
  return escaped.replace(LINE_START, (match, space: string, digits: string, marker: string) =>
    digits === "" || marker === "." || marker === ")" ? `${space}${digits}\\${marker}` : match,
  );
}

/**
 * Customer text as a Markdown block quote: each of its lines escaped as {@link markdownText} and quoted, blank lines
 * kept inside the quote (`>`), so however many lines it has, it stays one quote and cannot open a section of its own.
 *
 * @example
 * markdownQuote("Shipping is slow\n## Forged"); //=> "> Shipping is slow\n> \\## Forged"
 */
export function markdownQuote(value: string): string {
  return value
    .trim()
    .split(/\r\n|[\r\n\u2028\u2029]/)
    .map((line) => (line.trim() === "" ? ">" : `> ${markdownText(line)}`))
    .join("\n");
}

/**
 * A link to a web page, or `undefined` when the URL is not http(s) (a `javascript:` or `data:` URL is never a link):
 * an autolink with the characters that could end it percent-encoded.
 *
 * @example
 * markdownWebLink("https://example.com/t/1"); //=> "<https://example.com/t/1>"
 * markdownWebLink("javascript:alert(1)"); //=> undefined
 */
export function markdownWebLink(url: string): string | undefined {
  if (!/^https?:\/\/[^\s]+$/i.test(url)) return undefined;
  return `<${url.replace(/[<>"'`\\\u0000-\u001f\u007f-\u009f]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`)}>`;
}
