const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true });
const LENIENT_UTF8 = new TextDecoder("utf-8");

/**
 * The text of a chunk of UTF-8 bytes, and whether any of them were not valid UTF-8. Invalid bytes decode as U+FFFD,
 * which would make `C\xff1` and `C\xfe1` one customer: the reader reports the rows whose IDs hold one instead.
 *
 * @example
 * decodeChunk(new Uint8Array([0x43, 0xff, 0x31])); //=> { text: "C\uFFFD1", invalid: true }
 */
export function decodeChunk(bytes: Uint8Array): { readonly text: string; readonly invalid: boolean } {
  try {
    return { text: STRICT_UTF8.decode(bytes), invalid: false };
  } catch {
    return { text: LENIENT_UTF8.decode(bytes), invalid: true };
  }
}
