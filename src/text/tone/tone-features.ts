import { EMOJI_VALENCE, EMOTICON_VALENCE, WORD_VALENCE } from "./tone-lexicon.js";
import { TokenFlag, TokenKind, type ToneTokens } from "./tone-tokens.js";

/**
 * How texts become feature vectors. The shipped weights record the settings they were trained with, and the reader
 * uses exactly those.
 */
export interface FeatureSettings {
  /** Hashed sparse features live in 2^bits buckets; dense features follow them. */
  readonly bits: number;
  /** Word bigrams. */
  readonly bigrams: boolean;
  /** Whether the dense lexicon and cue features are used. */
  readonly dense: boolean;
}

/** The dense features, in order, after the hashed buckets. Lexicon sums are scaled so one strong word is about 1. */
export const DENSE_FEATURES = [
  "lexiconPositive",
  "lexiconNegative",
  "positiveAfterContrast",
  "negativeAfterContrast",
  "positiveIntensified",
  "negativeIntensified",
  "positiveNegated",
  "negativeNegated",
  "positiveAfterUsedTo",
  "emojiPositive",
  "emojiNegative",
  "exclamations",
  "questions",
  "capitals",
  "elongated",
  "politeComplaint",
  "thanksWithComplaint",
  "mixedPolarity",
  "length",
  "refusal",
  "repeatedProblem",
  "reassurance",
  "sarcasmCue",
] as const;
export type DenseFeature = (typeof DENSE_FEATURES)[number];
const DENSE = Object.fromEntries(DENSE_FEATURES.map((name, index) => [name, index])) as Record<DenseFeature, number>;

const POLITE = new Set(["please", "pls", "plz", "kindly", "thanks", "thank", "thx", "appreciate", "appreciated", "grateful", "sorry"]);
const THANKS = new Set(["thanks", "thank", "thx", "ty"]);
// What a customer reports when something is wrong, whatever the words of feeling: still waiting, again, for hours.
const PROBLEM = new Set([
  "still", "again", "yet", "waiting", "wait", "hours", "days", "weeks", "months", "nobody", "noone", "never", "nothing", "refund",
  "cancelled", "canceled", "delayed", "late", "missing", "lost", "broken", "charged", "issue", "problem", "error", "stuck",
]);

// Things customers say when they are leaving: "never again", "won't be back", "no longer", "switching to".
const CUSTOMER_ACTS = new Set(["recommend", "return", "use", "fly", "buy", "order", "shop", "book", "stay", "renew", "trust"]);
const FUTURE = new Set(["will", "i'll", "ill", "we'll", "gonna", "would", "i'd", "shall"]);
// Reassurance is negated trouble: "no worries", "no problem", "not an issue".
const FILLER = new Set(["a", "an", "any", "had", "have", "ever", "real", "big", "single"]);
const TROUBLE = new Set(["worries", "worry", "problem", "problems", "prob", "probs", "issue", "issues", "bother", "hassle", "trouble", "stress", "rush"]);
// Set phrases of sarcasm in complaints (their weight is learned; the list only names them).
const SARCASM = [
  ["thanks", "for", "nothing"], ["so", "much", "for"], ["yeah", "right"], ["love", "how"], ["like", "how"], ["love", "when"], ["love", "it", "when"],
  ["great", "job"], ["nice", "job"], ["good", "job"], ["oh", "great"], ["just", "great"], ["what", "a", "surprise"], ["thanks", "a", "lot"],
  ["not"], ["sarcasm"],
] as const;

// One lookup per word for the cue sets (bits).
const POLITE_CUE = 1;
const THANKS_CUE = 2;
const PROBLEM_CUE = 4;
const CUES = new Map<string, number>();
for (const [set, bit] of [[POLITE, POLITE_CUE], [THANKS, THANKS_CUE], [PROBLEM, PROBLEM_CUE]] as const) for (const word of set) CUES.set(word, (CUES.get(word) ?? 0) | bit);

/** A text's features: hashed indices (bucket, or 2^bits + dense index) with values, in a buffer reused between texts. */
export class FeatureVector {
  indices = new Int32Array(512);
  values = new Float32Array(512);
  length = 0;
  readonly dense = new Float32Array(DENSE_FEATURES.length);
  /** Per token, the bucket of its unigram feature (or −1): which words carried the reading. */
  tokenFeature = new Int32Array(128);

  reset(): void {
    this.length = 0;
    this.dense.fill(0);
  }

  add(index: number, value: number): void {
    if (this.length === this.indices.length) {
      const indices = new Int32Array(this.length * 2);
      indices.set(this.indices);
      this.indices = indices;
      const values = new Float32Array(this.length * 2);
      values.set(this.values);
      this.values = values;
    }
    this.indices[this.length] = index;
    this.values[this.length] = value;
    this.length += 1;
  }
}

/** FNV-1a over a namespace code and a string's UTF-16 code units. */
export function hashFeature(namespace: number, text: string): number {
  let hash = (0x811c9dc5 ^ namespace) >>> 0;
  hash = Math.imul(hash, 0x01000193);
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Combines two hashes into one (a bigram from its words). */
function combine(a: number, b: number): number {
  let hash = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
  hash ^= b;
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

// Namespaces: a word in or out of negation, after a contrast, after "used to", as a hashtag, bigrams, characters.
const NS_WORD = 1;
const NS_NEGATED = 2;
const NS_CONTRAST = 3;
const NS_USED_TO = 4;
const NS_HASHTAG = 5;
const NS_BIGRAM = 6;
const NS_START = 8;

/**
 * The lexicon valence (−5..5) of token `at`: AFINN-165 for words and two-word phrases, the Emoji Sentiment Ranking
 * for emoji, a short list for emoticons; 0 for none.
 *
 * @example
 * valenceOfToken(tokeniseTone("so great", new ToneTokens()), 1); //=> 3
 */
export function valenceOfToken(tokens: ToneTokens, at: number): number {
  const kind = tokens.kind[at] as number;
  const text = tokens.text[at] as string;
  if (kind === TokenKind.Word) {
    if (at > 0 && tokens.kind[at - 1] === TokenKind.Word && PHRASE_STARTS.has(tokens.text[at - 1] as string)) {
      const phrase = WORD_VALENCE.get(`${tokens.text[at - 1] as string} ${text}`);
      if (phrase !== undefined) return phrase;
    }
    return WORD_VALENCE.get(text) ?? 0;
  }
  if (kind === TokenKind.Emoji) return EMOJI_VALENCE.get(text) ?? 0;
  if (kind === TokenKind.Emoticon) return EMOTICON_VALENCE.get(text) ?? 0;
  return 0;
}

/**
 * Writes the features of a tokenised text into `out` (cleared first): hashed word unigrams (negated words, words after
 * a contrast and after "used to" in their own namespaces, so "good" and "not good" are different features), word
 * bigrams, hashtags, and dense lexicon and cue features.
 * Tokens naming the brand are skipped: they carry no tone of their own. Sparse values are scaled by 1/√n, so a long
 * text does not weigh more than a short one.
 *
 * @example
 * const vector = toneFeatures(tokeniseTone(normaliseForTone("not good"), new ToneTokens()), settings, new FeatureVector());
 * vector.dense[DENSE_FEATURES.indexOf("positiveNegated")]; //=> 0.75
 */
export function toneFeatures(tokens: ToneTokens, settings: FeatureSettings, out: FeatureVector): FeatureVector {
  out.reset();
  const mask = (1 << settings.bits) - 1;
  const denseBase = 1 << settings.bits;
  if (out.tokenFeature.length < tokens.length) out.tokenFeature = new Int32Array(tokens.length * 2);
  let previousHash = hashFeature(NS_START, "");
  let polite = false;
  let thanks = false;
  let problem = false;
  let words = 0;
  const dense = out.dense;
  for (let at = 0; at < tokens.length; at += 1) {
    const flags = tokens.flags[at] as number;
    const kind = tokens.kind[at] as number;
    const text = tokens.text[at] as string;
    out.tokenFeature[at] = -1;
    if ((flags & TokenFlag.Brand) !== 0) continue;
    // In a negation's scope or after "used to" a word is its own feature: "not good" and "used to love" are not "good", "love".
    const namespace = (flags & TokenFlag.Negated) !== 0 ? NS_WORD + NS_NEGATED * 16 : (flags & TokenFlag.AfterUsedTo) !== 0 ? NS_USED_TO : NS_WORD;
    const hash = hashFeature(namespace, text);
    const bucket = hash & mask;
    out.add(bucket, 1);
    out.tokenFeature[at] = bucket;
    if ((flags & TokenFlag.AfterContrast) !== 0 && kind !== TokenKind.Punctuation) out.add(hashFeature(NS_CONTRAST, text) & mask, 1);
    if ((flags & TokenFlag.Hashtag) !== 0) out.add(hashFeature(NS_HASHTAG, text) & mask, 1);
    const bigramHash = hashFeature(NS_BIGRAM, text);
    if (settings.bigrams) out.add(combine(previousHash, bigramHash) & mask, 1);
    previousHash = bigramHash;
    if (kind === TokenKind.Word) {
      words += 1;
      const cue = CUES.get(text);
      if (cue !== undefined) {
        if ((cue & POLITE_CUE) !== 0) polite = true;
        if ((cue & THANKS_CUE) !== 0) thanks = true;
        if ((cue & PROBLEM_CUE) !== 0) problem = true;
      }
      if ((flags & TokenFlag.Capitals) !== 0) bump(dense, DENSE.capitals, 1);
      if ((flags & TokenFlag.Elongated) !== 0) bump(dense, DENSE.elongated, 1);
    } else if (kind === TokenKind.Punctuation) {
      if (text.charCodeAt(0) === 33) bump(dense, DENSE.exclamations, 1);
      else if (text.charCodeAt(0) === 63) bump(dense, DENSE.questions, 1);
    }
    const valence = valenceOfToken(tokens, at);
    if (valence !== 0) {
      const strength = Math.abs(valence) / 4;
      const positive = valence > 0;
      if ((flags & TokenFlag.Negated) !== 0) {
        if (!(positive === false && TROUBLE.has(text))) bump(dense, positive ? DENSE.positiveNegated : DENSE.negativeNegated, strength);
      } else if (positive && (flags & TokenFlag.AfterUsedTo) !== 0) bump(dense, DENSE.positiveAfterUsedTo, strength);
      else {
        bump(dense, positive ? DENSE.lexiconPositive : DENSE.lexiconNegative, strength);
        if (kind === TokenKind.Emoji || kind === TokenKind.Emoticon) bump(dense, positive ? DENSE.emojiPositive : DENSE.emojiNegative, strength);
        if ((flags & TokenFlag.AfterContrast) !== 0) bump(dense, positive ? DENSE.positiveAfterContrast : DENSE.negativeAfterContrast, strength);
        if ((flags & TokenFlag.Intensified) !== 0 || (flags & TokenFlag.Capitals) !== 0) bump(dense, positive ? DENSE.positiveIntensified : DENSE.negativeIntensified, strength);
      }
    }
  }
  scaleBlock(out, 0, out.length);
  if (!settings.dense) return out;
  phraseCues(tokens, dense);
  const complaint = problem || (dense[DENSE.lexiconNegative] as number) > 0 || (dense[DENSE.positiveNegated] as number) > 0;
  if (polite && complaint) dense[DENSE.politeComplaint] = 1;
  if (thanks && complaint) dense[DENSE.thanksWithComplaint] = 1;
  if ((dense[DENSE.lexiconPositive] as number) > 0 && (dense[DENSE.lexiconNegative] as number) > 0) dense[DENSE.mixedPolarity] = 1;
  dense[DENSE.exclamations] = Math.min(dense[DENSE.exclamations] as number, 3) / 3;
  dense[DENSE.questions] = Math.min(dense[DENSE.questions] as number, 3) / 3;
  dense[DENSE.capitals] = Math.min(dense[DENSE.capitals] as number, 3) / 3;
  dense[DENSE.elongated] = Math.min(dense[DENSE.elongated] as number, 2) / 2;
  dense[DENSE.length] = Math.log1p(words) / 4;
  for (let index = 0; index < dense.length; index += 1) {
    const value = dense[index] as number;
    if (value !== 0) out.add(denseBase + index, index < DENSE.exclamations ? Math.min(value, 3) : value);
  }
  return out;
}

function bump(dense: Float32Array, index: number, amount: number): void {
  dense[index] = (dense[index] as number) + amount;
}

/** First words of the lexicon's two-word phrases ("does not work"), so most words need no phrase lookup. */
const PHRASE_STARTS: ReadonlySet<string> = new Set([...WORD_VALENCE.keys()].filter((label) => label.includes(" ")).map((label) => label.split(" ")[0] as string));
/** Sarcasm phrases by their first word. */
const SARCASM_BY_FIRST = new Map<string, Array<readonly string[]>>();
for (const phrase of SARCASM) {
  if (phrase.length < 2) continue;
  const list = SARCASM_BY_FIRST.get(phrase[0]) ?? [];
  list.push(phrase);
  SARCASM_BY_FIRST.set(phrase[0], list);
}

/** Whether the words from `at` on are `phrase` (hashtags count: "#not"). */
function phraseAt(tokens: ToneTokens, at: number, phrase: readonly string[]): boolean {
  for (let k = 0; k < phrase.length; k += 1) if (tokens.text[at + k] !== phrase[k]) return false;
  return true;
}

/** Phrase-level cues: refusal ("never again"), a problem that keeps coming back, reassurance, sarcasm. */
function phraseCues(tokens: ToneTokens, dense: Float32Array): void {
  for (let at = 0; at < tokens.length; at += 1) {
    if (tokens.kind[at] !== TokenKind.Word) continue;
    const text = tokens.text[at] as string;
    const flags = tokens.flags[at] as number;
    if (text === "never" || text === "wont" || text === "won't" || text === "not") {
      // Refusal is about the future: "never … again", "will never", "won't be back", "not … anymore".
      const future = at > 0 && FUTURE.has(tokens.text[at - 1] as string);
      for (let next = at + 1; next < Math.min(tokens.length, at + 6); next += 1) {
        if (tokens.kind[next] === TokenKind.Punctuation) break;
        const word = tokens.text[next] as string;
        if (word === "again" || word === "anymore" || (word === "back" && text !== "not") || (text !== "not" && (future || text !== "never") && CUSTOMER_ACTS.has(word))) {
          dense[DENSE.refusal] = 1;
          break;
        }
      }
      if (text === "never" && future) dense[DENSE.refusal] = 1;
    }
    if (text === "no" && tokens.text[at + 1] === "longer") dense[DENSE.refusal] = 1;
    // Reassurance: "no worries", "not a problem", "never had an issue", "not my experience", "no problems here".
    if (text === "no" || text === "not" || text === "never" || text === "zero") {
      for (let next = at + 1; next < Math.min(tokens.length, at + 4); next += 1) {
        const word = tokens.text[next] as string;
        if (TROUBLE.has(word)) {
          dense[DENSE.reassurance] = 1;
          break;
        }
        if (!FILLER.has(word)) break;
      }
      if (text === "not" && tokens.text[at + 1] === "my" && tokens.text[at + 2] === "experience") dense[DENSE.reassurance] = 1;
    }
    if ((text === "switching" || text === "switch") && tokens.text[at + 1] === "to") dense[DENSE.refusal] = 1;
    if (text === "done" && tokens.text[at + 1] === "with") dense[DENSE.refusal] = 1;
    if ((text === "keep" || text === "keeps" || text === "kept") && (tokens.text[at + 1] ?? "").endsWith("ing")) dense[DENSE.repeatedProblem] = 1;
    if ((text === "once" || text === "yet") && tokens.text[at + 1] === "again") dense[DENSE.repeatedProblem] = 1;
    if ((text === "every" && tokens.text[at + 1] === "time") || text === "everytime") dense[DENSE.repeatedProblem] = 1;
    if ((flags & TokenFlag.Hashtag) !== 0 && (text === "not" || text === "sarcasm")) dense[DENSE.sarcasmCue] = 1;
    const phrases = SARCASM_BY_FIRST.get(text);
    if (phrases !== undefined && phrases.some((phrase) => phraseAt(tokens, at, phrase))) dense[DENSE.sarcasmCue] = 1;
  }
}

/** Scales a block of sparse features by 1/√n. */
function scaleBlock(out: FeatureVector, from: number, to: number): void {
  if (to <= from) return;
  const scale = 1 / Math.sqrt(to - from);
  for (let at = from; at < to; at += 1) out.values[at] = (out.values[at] as number) * scale;
}
