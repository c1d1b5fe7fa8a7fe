/**
 * Tokens of a short text for the tone model: words (lower case, elongations squeezed), emoji (also when glued to a
 * word: "great👍"), emoticons (":)", ":-(", "<3"), hashtags as words, punctuation runs ("!!!", "?"), and mentions and
 * links as placeholders (`@user`, `_url_`, as TweetEval anonymises them). Each token carries what the tone model
 * needs around it: whether it lies in the scope of a negation ("not good", "never again"), after a contrast ("…
 * but"), after "used to", whether it was written in capitals or stretched ("sooo"), and whether it names the brand.
 */

/** Kinds of token. */
export const TokenKind = { Word: 0, Emoji: 1, Emoticon: 2, Punctuation: 3, Placeholder: 4 } as const;
export type TokenKind = (typeof TokenKind)[keyof typeof TokenKind];

/** Per-token flags (bits). */
export const TokenFlag = {
  Negated: 1,
  AfterContrast: 2,
  AfterUsedTo: 4,
  Capitals: 8,
  Elongated: 16,
  Hashtag: 32,
  /** One of the brand's own names or handles: read as neither praise nor blame. */
  Brand: 64,
  /** Preceded by an intensifier ("so", "very", "really"). */
  Intensified: 128,
} as const;

/** The brand's own names and handles, as the tone reader matches them (lower case, handles without `@`). */
export interface BrandWords {
  readonly names: readonly string[];
  readonly handles: readonly string[];
}

/** Tokens of one text, in parallel arrays (reused between texts: read them before tokenising the next). */
export class ToneTokens {
  readonly text: string[] = [];
  readonly kind: number[] = [];
  readonly flags: number[] = [];
  /** Index of the clause each token belongs to (clauses end at . ! ? ; and newlines, and turn at contrasts). */
  readonly clause: number[] = [];
  length = 0;
  clauses = 0;

  reset(): void {
    this.length = 0;
    this.clauses = 0;
  }

  push(text: string, kind: TokenKind, flags: number, clause: number): void {
    const at = this.length;
    this.text[at] = text;
    this.kind[at] = kind;
    this.flags[at] = flags;
    this.clause[at] = clause;
    this.length = at + 1;
  }
}

const ENTITIES: Readonly<Record<string, string>> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&apos;": "'", "&nbsp;": " " };

/** Words that open a negation scope ("not", "never", "no", "don't", "cant", …). */
export const NEGATORS: ReadonlySet<string> = new Set([
  "not", "no", "never", "cannot", "nothing", "nobody", "none", "nowhere", "neither", "nor", "without", "hardly", "barely",
  "noone", "nope", "dont", "cant", "wont", "isnt", "arent", "wasnt", "werent", "didnt", "doesnt", "hasnt", "havent",
  "hadnt", "couldnt", "shouldnt", "wouldnt", "aint", "mustnt", "neednt",
]);

/** Words that turn a sentence: what follows them is what the writer means ("nice staff but the app is useless"). */
export const CONTRASTS: ReadonlySet<string> = new Set(["but", "however", "although", "though", "except", "nevertheless", "nonetheless", "unfortunately", "sadly"]);

/** Words that strengthen the next word ("so slow", "really good"). */
export const INTENSIFIERS: ReadonlySet<string> = new Set([
  "so", "very", "really", "extremely", "totally", "absolutely", "super", "too", "incredibly", "seriously", "completely",
  "utterly", "soo", "sooo", "most", "truly", "highly", "fucking", "freaking", "damn", "ridiculously", "terribly",
]);

// One lookup per word for its role: contrast, negator, intensifier (bits).
const CONTRAST_ROLE = 1;
const NEGATOR_ROLE = 2;
const INTENSIFIER_ROLE = 4;
const ROLES = new Map<string, number>();
for (const word of CONTRASTS) ROLES.set(word, (ROLES.get(word) ?? 0) | CONTRAST_ROLE);
for (const word of NEGATORS) ROLES.set(word, (ROLES.get(word) ?? 0) | NEGATOR_ROLE);
for (const word of INTENSIFIERS) ROLES.set(word, (ROLES.get(word) ?? 0) | INTENSIFIER_ROLE);

const NEGATION_REACH = 4;
const USED_TO_REACH = 3;

// One scan over the text. Alternatives in priority order: placeholders, emoticons, words (hashtags, contractions),
// emoji (each pictograph on its own, so "great👍" gives "great" and "👍"), punctuation runs.
const TOKEN =
  /(@user|_url_|_brand_)|((?:[<>]?[:;=][-o*'^]?[)\]([dpDP/\\|@3*$]+)|(?:[)\](\[/\\|]+[-o*'^]?[:;=])|<\/?3+|\^_*\^|(?<![\p{L}\p{N}])[xX][dD]+(?![\p{L}\p{N}])|[tT]_[tT]|-_+-|[oO]_[oO])|(#?[\p{L}\p{M}\p{N}_]+(?:['’][\p{L}]+)*)|(\p{Extended_Pictographic})|([!?]+|\.{2,}|…|[.,;:\n])/gu;
const URL = /(?:https?:\/\/|www\.)\S+/gi;
// Handles are ASCII letters, digits and underscores on the platforms that have them (an ASCII class is much faster).
const MENTION = /(^|[^A-Za-z0-9_@])@([A-Za-z0-9_]{1,40})/g;
const ENTITY = /&(?:amp|lt|gt|quot|#39|apos|nbsp);/g;
const STRETCH = /(\p{L})\1{2,}/gu;

/** Whether original[from..to) is written in capitals: an upper-case ASCII letter and no lower-case one. */
function isCapitals(original: string, from: number, to: number): boolean {
  let upper = false;
  for (let at = from; at < to; at += 1) {
    const code = original.charCodeAt(at);
    if (code >= 97 && code <= 122) return false;
    if (code >= 65 && code <= 90) upper = true;
    else if (code > 127) return false;
  }
  return upper;
}

/** Whether a word has a letter three times running ("sooo"): cheaper than the regex for the usual word without. */
function hasStretch(word: string): boolean {
  for (let at = 2; at < word.length; at += 1) {
    const code = word.charCodeAt(at);
    if (code === word.charCodeAt(at - 1) && code === word.charCodeAt(at - 2) && code > 64) return true;
  }
  return false;
}

/** Clause-ending punctuation: . ! ? ; and newlines (commas do not end a clause, but do end a negation's scope). */
function endsClause(token: string): boolean {
  const first = token.charCodeAt(0);
  return first === 46 || first === 33 || first === 63 || first === 59 || first === 10 || first === 8230;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Compiled brand matchers, cached by identity of the brand object. */
const brandMatchers = new WeakMap<BrandWords, { handles: ReadonlySet<string>; names: RegExp | undefined }>();

function brandMatcher(brand: BrandWords): { handles: ReadonlySet<string>; names: RegExp | undefined } {
  let matcher = brandMatchers.get(brand);
  if (matcher === undefined) {
    const handles = new Set(brand.handles.map((handle) => handle.trim().replace(/^@/, "").toLowerCase()).filter((handle) => handle !== ""));
    // Longest names first, so "Northwind Coffee" wins over "Northwind"; whole words only.
    const names = [...new Set(brand.names.map((name) => name.trim()).filter((name) => name !== ""))].sort((a, b) => b.length - a.length);
    matcher = {
      handles,
      names: names.length === 0 ? undefined : new RegExp(`(?<![\\p{L}\\p{N}_#@])(?:${names.map((name) => escapeRegExp(name).replace(/\s+/g, "\\s+")).join("|")})(?![\\p{L}\\p{N}_])`, "giu"),
    };
    brandMatchers.set(brand, matcher);
  }
  return matcher;
}

/**
 * The text as the tone model reads it: HTML entities decoded, links as `_url_`, mentions as `@user` (the brand's own
 * handles and names as `_brand_`), so that neither a handle nor a brand name that is also a word ("United",
 * "Delta") reads as praise or blame.
 *
 * @example
 * normaliseForTone("@united thanks &amp; bye https://t.co/x", { names: ["United"], handles: ["united"] });
 * //=> "_brand_ thanks & bye _url_"
 */
export function normaliseForTone(text: string, brand?: BrandWords): string {
  let out = text.indexOf("&") >= 0 ? text.replace(ENTITY, (entity) => ENTITIES[entity] ?? entity) : text;
  if (out.indexOf("http") >= 0 || out.indexOf("www.") >= 0) out = out.replace(URL, " _url_ ");
  const matcher = brand === undefined ? undefined : brandMatcher(brand);
  if (out.indexOf("@") >= 0) {
    out = out.replace(MENTION, (_, before: string, handle: string) => `${before} ${matcher?.handles.has(handle.toLowerCase()) === true ? "_brand_" : "@user"} `);
  }
  if (matcher?.names !== undefined) out = out.replace(matcher.names, " _brand_ ");
  return out;
}

/**
 * Tokenises a text for the tone model into `into` (cleared first), marking negation scope, contrast, "used to",
 * capitals, elongation, intensifiers and the brand's own words. Pass a text already through
 * {@link normaliseForTone}.
 *
 * @example
 * const tokens = tokeniseTone(normaliseForTone("not good, but FINE 👍"), new ToneTokens());
 * tokens.text.slice(0, tokens.length); //=> ["not", "good", ",", "but", "fine", "👍"]
 */
export function tokeniseTone(normalised: string, into: ToneTokens): ToneTokens {
  into.reset();
  // Lower-cased once; capitals are read from the original at the same offsets (lower-casing keeps every offset for
  // the letters that matter here, and a word whose length changes is simply not checked for capitals).
  const lowered = normalised.toLowerCase();
  const sameOffsets = lowered.length === normalised.length;
  let clause = 0;
  let negation = 0;
  let contrast = false;
  let usedTo = 0;
  let intensify = false;
  let previous = "";
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(lowered); match !== null; match = TOKEN.exec(lowered)) {
    const [whole, placeholder, emoticon, word, emoji] = match;
    if (placeholder !== undefined) {
      into.push(placeholder, TokenKind.Placeholder, placeholder === "_brand_" ? TokenFlag.Brand : 0, clause);
      previous = placeholder;
      continue;
    }
    if (emoticon !== undefined) {
      into.push(emoticon.indexOf("-") >= 0 ? emoticon.replace(/-/g, "") : emoticon, TokenKind.Emoticon, 0, clause);
      continue;
    }
    if (emoji !== undefined) {
      into.push(emoji, TokenKind.Emoji, contrast ? TokenFlag.AfterContrast : 0, clause);
      continue;
    }
    if (word === undefined) {
      // Punctuation: ends a negation's scope; sentence punctuation also ends the clause and the contrast.
      const punctuation = whole === "\n" ? "\n" : whole.length > 3 ? whole.slice(0, 3) : whole;
      into.push(punctuation, TokenKind.Punctuation, 0, clause);
      negation = 0;
      usedTo = 0;
      intensify = false;
      if (endsClause(punctuation)) {
        clause += 1;
        contrast = false;
      }
      previous = punctuation;
      continue;
    }
    let flags = 0;
    let text = word;
    let start = match.index;
    if (text.charCodeAt(0) === 35) {
      text = text.slice(1);
      start += 1;
      flags |= TokenFlag.Hashtag;
    }
    if (sameOffsets && text.length >= 3 && isCapitals(normalised, start, start + text.length)) flags |= TokenFlag.Capitals;
    if (text.indexOf("’") >= 0) text = text.replace(/’/g, "'");
    if (hasStretch(text)) {
      text = text.replace(STRETCH, "$1$1");
      flags |= TokenFlag.Elongated;
    }
    const role = ROLES.get(text) ?? 0;
    if ((role & CONTRAST_ROLE) !== 0) {
      // "X but Y": Y is a new clause, read as what the writer means.
      clause += 1;
      contrast = true;
      negation = 0;
      into.push(text, TokenKind.Word, flags | TokenFlag.AfterContrast, clause);
      previous = text;
      continue;
    }
    if (negation > 0) flags |= TokenFlag.Negated;
    if (contrast) flags |= TokenFlag.AfterContrast;
    if (usedTo > 0) flags |= TokenFlag.AfterUsedTo;
    if (intensify) flags |= TokenFlag.Intensified;
    into.push(text, TokenKind.Word, flags, clause);
    negation = negation > 0 ? negation - 1 : 0;
    usedTo = usedTo > 0 ? usedTo - 1 : 0;
    intensify = (role & INTENSIFIER_ROLE) !== 0;
    if ((role & NEGATOR_ROLE) !== 0 || (text.length > 3 && text.charCodeAt(text.length - 1) === 116 && text.endsWith("n't"))) negation = NEGATION_REACH;
    if (text === "to" && previous === "used") usedTo = USED_TO_REACH;
    previous = text;
  }
  into.clauses = into.length === 0 ? 0 : clause + 1;
  return into;
}
