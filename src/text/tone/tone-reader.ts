import { DENSE_FEATURES, FeatureVector, toneFeatures, valenceOfToken } from "./tone-features.js";
import { probabilitiesOf, TONE_CLASSES, type ToneLabel, type ToneModel } from "./tone-model.js";
import { normaliseForTone, TokenFlag, TokenKind, tokeniseTone, ToneTokens, type BrandWords } from "./tone-tokens.js";

/** How a text reads: a label, a −1..1 score, how sure the reading is, and the words that carried it. */
export interface ToneReading {
  readonly label: ToneLabel;
  /** −1..1: P(positive) − P(negative). */
  readonly score: number;
  /** 0..1: the probability of the label read (1/3 is a coin toss between three classes). */
  readonly confidence: number;
  /** 0..1: how emotional the text is, either way: 1 − P(neutral). */
  readonly intensity: number;
  readonly probabilities: { readonly negative: number; readonly neutral: number; readonly positive: number };
  /** Words (and emoji) that pushed the reading toward positive / negative, strongest first (at most five each). */
  readonly positiveWords: readonly string[];
  readonly negativeWords: readonly string[];
}

/**
 * A learned adjustment of the tone model to one brand's language (see `fitToneAdjustment`): shifts of the
 * negative and positive logits, overall and per feature bucket. Plain JSON.
 */
export interface ToneAdjustmentWeights {
  /** Shift of the negative and positive logit for every text. */
  readonly bias: readonly [number, number];
  /** Sorted feature buckets (sparse buckets, or 2^bits + dense index) with a shift… */
  readonly buckets: readonly number[];
  /** …two numbers per bucket, negative then positive. */
  readonly weights: readonly number[];
}

/** Options of {@link readToneWith}. */
export interface ToneOptions {
  /** The brand's own names and handles: read as neither praise nor blame, and the stance read toward the brand. */
  readonly brand?: BrandWords | undefined;
  /** A domain adjustment fitted to the brand's own texts with known attitude. */
  readonly adjustment?: ToneAdjustmentWeights | undefined;
}

/** Lookup tables of adjustments, built once per adjustment object. */
const adjustmentTables = new WeakMap<ToneAdjustmentWeights, Map<number, number>>();

function adjustmentTable(adjustment: ToneAdjustmentWeights): Map<number, number> {
  let table = adjustmentTables.get(adjustment);
  if (table === undefined) {
    table = new Map(adjustment.buckets.map((bucket, at) => [bucket, at] as const));
    adjustmentTables.set(adjustment, table);
  }
  return table;
}

// Scratch buffers: JavaScript runs one call at a time and reading calls nothing that re-enters.
const tokens = new ToneTokens();
const clauseTokens = new ToneTokens();
const vector = new FeatureVector();
const logits = new Float64Array(2);
const probabilities = new Float64Array(3);
const pair = new Float64Array(2);

/** Negative and positive logits of the features in `vector`, the adjustment applied. */
function logitsOf(model: ToneModel, adjustment: ToneAdjustmentWeights | undefined, out: Float64Array): Float64Array {
  model.logits(vector, out);
  if (adjustment === undefined) return out;
  out[0] = (out[0] as number) + adjustment.bias[0];
  out[1] = (out[1] as number) + adjustment.bias[1];
  const table = adjustmentTable(adjustment);
  for (let at = 0; at < vector.length; at += 1) {
    const slot = table.get(vector.indices[at] as number);
    if (slot === undefined) continue;
    const value = vector.values[at] as number;
    out[0] = (out[0] as number) + (adjustment.weights[2 * slot] as number) * value;
    out[1] = (out[1] as number) + (adjustment.weights[2 * slot + 1] as number) * value;
  }
  return out;
}

const EVIDENCE_WEIGHT = 0.25;
const LEXICON_POSITIVE = DENSE_FEATURES.indexOf("lexiconPositive");
const LEXICON_NEGATIVE = DENSE_FEATURES.indexOf("lexiconNegative");
const EVIDENCE_WORDS = 5;

/** Words of `from` whose own unigram weight (and lexicon valence) leans clearly one way, strongest first. */
function evidence(model: ToneModel, from: ToneTokens): { positive: string[]; negative: string[] } {
  const positive: Array<[string, number]> = [];
  const negative: Array<[string, number]> = [];
  for (let at = 0; at < from.length; at += 1) {
    const kind = from.kind[at] as number;
    if (kind === TokenKind.Punctuation || kind === TokenKind.Placeholder) continue;
    const bucket = vector.tokenFeature[at] as number;
    if (bucket < 0) continue;
    model.bucketWeights(bucket, pair);
    let lean = (pair[1] as number) - (pair[0] as number);
    // A lexicon word also leans through the lexicon feature ("great" is praise even where its own weight is sarcastic).
    const negated = ((from.flags[at] as number) & TokenFlag.Negated) !== 0;
    const valence = negated ? 0 : valenceOfToken(from, at);
    if (valence !== 0) {
      model.denseWeights(valence > 0 ? LEXICON_POSITIVE : LEXICON_NEGATIVE, pair);
      lean += (Math.abs(valence) / 4) * ((pair[1] as number) - (pair[0] as number));
    }
    if (Math.abs(lean) < EVIDENCE_WEIGHT) continue;
    const word = negated ? `not ${from.text[at] as string}` : (from.text[at] as string);
    const side = lean > 0 ? positive : negative;
    if (!hasWord(side, word)) side.push([word, Math.abs(lean)]);
  }
  return { positive: strongestWords(positive), negative: strongestWords(negative) };
}

function hasWord(list: ReadonlyArray<readonly [string, number]>, word: string): boolean {
  for (const [seen] of list) if (seen === word) return true;
  return false;
}

function strongestWords(list: Array<[string, number]>): string[] {
  if (list.length > 1) list.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const words: string[] = [];
  for (let at = 0; at < list.length && at < EVIDENCE_WORDS; at += 1) words.push((list[at] as [string, number])[0]);
  return words;
}

function reading(negative: number, positive: number, words: { positive: string[]; negative: string[] }): ToneReading {
  probabilitiesOf(negative, positive, probabilities);
  const [pn, pu, pp] = [probabilities[0] as number, probabilities[1] as number, probabilities[2] as number];
  const label = pn >= pu && pn >= pp ? 0 : pp > pu ? 2 : 1;
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  return {
    label: TONE_CLASSES[label] as ToneLabel,
    score: round(pp - pn),
    confidence: round(Math.max(pn, pu, pp)),
    intensity: round(1 - pu),
    probabilities: { negative: round(pn), neutral: round(pu), positive: round(pp) },
    positiveWords: words.positive,
    negativeWords: words.negative,
  };
}

// Clause weights in a stance reading: the clause that names the brand counts most, one about someone else little,
// and what follows "but" more than what it turns from.
const BRAND_CLAUSE = 2;
const OTHER_CLAUSE = 0.25;
const CONTRAST_CLAUSE = 1.5;

/** Copies the tokens of one clause into `into`. */
function clauseOf(from: ToneTokens, clause: number, into: ToneTokens): ToneTokens {
  into.reset();
  for (let at = 0; at < from.length; at += 1) {
    if (from.clause[at] === clause) into.push(from.text[at] as string, from.kind[at] as TokenKind, from.flags[at] as number, 0);
  }
  into.clauses = into.length === 0 ? 0 : 1;
  return into;
}

/**
 * Reads the tone of a text with a given model. With `brand`, the brand's names and handles are neutralised and the
 * reading is the stance toward the brand: clauses are read one by one and weighed (the clause naming the brand
 * most, one naming only someone else little, the clause after "but" more), blended with the whole text's reading;
 * and when a clause naming the brand reads negative, the text is not read as favourable, whatever it says of others.
 *
 * @example
 * readToneWith(ToneModel.unpack(TONE_MODEL), "I will never fly with you again").label; //=> "negative"
 */
export function readToneWith(model: ToneModel, text: string, options: ToneOptions = {}): ToneReading {
  const { brand, adjustment } = options;
  tokeniseTone(normaliseForTone(text, brand), tokens);
  toneFeatures(tokens, model.settings, vector);
  logitsOf(model, adjustment, logits);
  const words = evidence(model, tokens);
  let negative = logits[0] as number;
  let positive = logits[1] as number;
  if (brand === undefined || tokens.clauses < 2) return reading(negative, positive, words);

  let weightSum = 0;
  let clauseNegative = 0;
  let clausePositive = 0;
  let brandClauseNegative = false;
  let brandClauseLogits: [number, number] | undefined;
  for (let clause = 0; clause < tokens.clauses; clause += 1) {
    clauseOf(tokens, clause, clauseTokens);
    if (!hasContent(clauseTokens)) continue;
    let namesBrand = false;
    let namesOther = false;
    let afterContrast = false;
    for (let at = 0; at < clauseTokens.length; at += 1) {
      const flags = clauseTokens.flags[at] as number;
      if ((flags & TokenFlag.Brand) !== 0) namesBrand = true;
      else if (clauseTokens.text[at] === "@user") namesOther = true;
      if ((flags & TokenFlag.AfterContrast) !== 0) afterContrast = true;
    }
    toneFeatures(clauseTokens, model.settings, vector);
    logitsOf(model, adjustment, logits);
    const weight = (namesBrand ? BRAND_CLAUSE : namesOther ? OTHER_CLAUSE : 1) * (afterContrast ? CONTRAST_CLAUSE : 1);
    clauseNegative += weight * (logits[0] as number);
    clausePositive += weight * (logits[1] as number);
    weightSum += weight;
    if (namesBrand && (logits[0] as number) > Math.max(0, logits[1] as number)) {
      brandClauseNegative = true;
      brandClauseLogits = [logits[0] as number, logits[1] as number];
    }
  }
  if (weightSum > 0) {
    negative = (negative + clauseNegative / weightSum) / 2;
    positive = (positive + clausePositive / weightSum) / 2;
  }
  // Praise for someone else does not make a complaint about the brand favourable.
  if (brandClauseNegative && positive > Math.max(0, negative) && brandClauseLogits !== undefined) [negative, positive] = brandClauseLogits;
  return reading(negative, positive, words);
}

/** Whether a clause has any word, emoji or emoticon (not only punctuation and placeholders). */
function hasContent(clause: ToneTokens): boolean {
  for (let at = 0; at < clause.length; at += 1) {
    const kind = clause.kind[at] as number;
    if (kind === TokenKind.Word || kind === TokenKind.Emoji || kind === TokenKind.Emoticon) return true;
  }
  return false;
}
