const QUOTE = 0x22;
const COMMA = 0x2c;
const QUOTE_BYTE = QUOTE;
const LF = 0x0a;
const CR = 0x0d;

// States of the scan, as papaparse reads quotes: a quote opens a quoted field only at the start of a field; inside
// one, a doubled quote is a literal quote, and a quote followed by anything but a delimiter or the line end is a
// malformed literal quote (the field stays quoted).
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_SEEN = 3;
const QUOTE_SEEN_CR = 4;

/**
 * Finds where CSV records end in a byte buffer, so a file can be cut into chunks that are parsed apart (on worker
 * threads) and still read as one file: a cut never falls inside a quoted field, whose newlines are data. The
 * scan follows papaparse's reading of quotes, and buffers without a quote take a native `lastIndexOf` instead of
 * a byte loop.
 *
 * @example
 * lastRecordEnd(Buffer.from('id,text\n1,"a\nb"\n2,c'), "\n"); //=> 16 (after the second record)
 */
export function lastRecordEnd(bytes: Uint8Array, newline: "\n" | "\r\n", delimiter = COMMA): number {
  if (bytes.indexOf(QUOTE) < 0) {
    const lf = bytes.lastIndexOf(LF);
    return lf < 0 ? 0 : lf + 1;
  }
  return scanRecordEnds(bytes, newline, false, delimiter).last;
}

/**
 * Whether the bytes end inside a quoted field (a quote opened that never closes): read to the end of a file, that
 * is a malformed record, which would otherwise swallow every record after it.
 *
 * @example
 * endsInOpenQuote(Buffer.from('id,text\n1,"never closed\n2,b\n'), "\n"); //=> true
 */
export function endsInOpenQuote(bytes: Uint8Array, newline: "\n" | "\r\n", delimiter = COMMA): boolean {
  return bytes.indexOf(QUOTE_BYTE) >= 0 && scanRecordEnds(bytes, newline, false, delimiter).quoted;
}

/**
 * Where the first record ends (after its line feed), or −1 when the bytes hold no complete record: the header of a
 * CSV file, whose quoted cells may span lines. One scan, however long the first record runs.
 *
 * @example
 * firstRecordEnd(Buffer.from('"id\nkey",text\n1,a\n'), "\n"); //=> 14
 */
export function firstRecordEnd(bytes: Uint8Array, newline: "\n" | "\r\n", delimiter = COMMA): number {
  const lf = bytes.indexOf(LF);
  if (lf < 0) return -1;
  // Without a quote before the first line feed, the first record is the first line.
  const quote = bytes.indexOf(QUOTE);
  if (quote < 0 || quote > lf) return lf + 1;
  const end = scanRecordEnds(bytes, newline, true, delimiter).last;
  return end > 0 ? end : -1;
}

/**
 * The quote-aware scan: the end of the last complete record (or, with `first`, of the first), 0 for none, and
 * whether the scan ended inside a quoted field.
 */
function scanRecordEnds(bytes: Uint8Array, newline: "\n" | "\r\n", first: boolean, delimiter: number): { last: number; quoted: boolean } {
  const crlf = newline === "\r\n";
  let state = FIELD_START;
  let last = 0;
  for (let index = 0; index < bytes.length; index += 1) {
    const byte = bytes[index] as number;
    let ended = false;
    switch (state) {
      case FIELD_START:
      case UNQUOTED:
        if (byte === QUOTE && state === FIELD_START) state = QUOTED;
        else if (byte === delimiter) state = FIELD_START;
        else if (byte === LF && (!crlf || bytes[index - 1] === CR)) ended = true;
        else state = UNQUOTED;
        break;
      case QUOTED:
        if (byte === QUOTE) state = QUOTE_SEEN;
        break;
      case QUOTE_SEEN:
        if (byte === QUOTE) state = QUOTED;
        else if (byte === delimiter) state = FIELD_START;
        else if (byte === LF && !crlf) ended = true;
        else if (byte === CR && crlf) state = QUOTE_SEEN_CR;
        else state = QUOTED;
        break;
      case QUOTE_SEEN_CR:
        if (byte === LF) ended = true;
        else state = byte === QUOTE ? QUOTE_SEEN : QUOTED;
        break;
    }
    if (ended) {
      last = index + 1;
      if (first) return { last, quoted: false };
      state = FIELD_START;
    }
  }
  return { last, quoted: state === QUOTED || state === QUOTE_SEEN_CR };
}

/**
 * The line ending a CSV file uses, read from its first line: CRLF when the first line feed follows a carriage
 * return. papaparse is told which, so a quoted last field before a CRLF is read correctly.
 *
 * @example
 * newlineOf(Buffer.from("id,amount\r\n1,2\r\n")); //=> "\r\n"
 */
export function newlineOf(bytes: Uint8Array): "\n" | "\r\n" {
  const lf = bytes.indexOf(LF);
  return lf > 0 && bytes[lf - 1] === CR ? "\r\n" : "\n";
}
