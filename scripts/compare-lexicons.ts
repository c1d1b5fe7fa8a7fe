/**
 * Compares offline, pure-JavaScript lexicon sentiment packages on hand-labelled real customer tweets.
 *
 *   npx tsx scripts/compare-lexicons.ts
 *
 * Data: twcs/twcs.csv in the shared data folder (../shared/data, or BRAND_ADVOCATES_DATA) (Customer Support on Twitter, 5,000-tweet subset; CC BY-NC-SA 4.0, tests only,
 * never shipped). Labels: tests/fixtures/twcs-sentiment-labels.csv (tweet_id,label; ids and labels only).
 *
 * Selection rule (deterministic): take the inbound (customer) tweets only (`inbound === "True"`, 2,778 of them), sort
 * them by numeric tweet_id ascending, keep every 9th one starting with the first (positions 0, 9, 18, …) and stop at
 * 300 tweets (positions 0 … 2,691; tweet_ids 2 … 7,287).
 *
 * Labelling guideline (one annotator, each tweet read and labelled by hand; no lexicon or script was used): the
 * label is the customer's sentiment toward the brand or the situation, as a human reader takes it.
 * - negative: a complaint, frustration, anger, disappointment, sarcasm with a negative intent ("I just love …",
 *   "Thanks!!! (Fix the site please)"), and reports of a problem the customer is suffering (something broken, not
 *   working, not delivered, not refunded, cancelled, stranded), even when phrased politely or as a question.
 * - neutral: a plain question, request for help or information without a reported problem or emotion, a factual
 *   answer in a thread ("Yep", an order number, a phone model), promotional or off-topic text, jokes with no clear
 *   valence, and texts too ambiguous to call.
 * - positive: thanks, praise, delight, excitement, playful enthusiasm about the brand; "thanks" ends as positive
 *   unless the rest is a complaint (then negative) — mixed texts take their dominant sentiment.
 * - Non-English tweets (Japanese, Spanish, German, Chinese) are labelled by their meaning.
 * Result: 171 negative, 78 neutral, 51 positive.
 *
 * Mapping of each package's output to three classes:
 * - natural rule: the package's own sign convention — AFINN (`sentiment`) and wink: score > 0 positive, < 0
 *   negative, 0 neutral (for `sentiment` this is exactly the library's rule, tanh(sum/4) beyond ±0.05, since AFINN sums
 *   are integers); VADER: compound ≥ 0.05 positive, ≤ −0.05 negative (the thresholds its authors publish).
 * - tuned band: negative if score < lo, positive if score > hi (neutral band [lo, hi]), chosen to maximise accuracy. A band tuned on the
 *   labels it is scored on overstates accuracy, so it is reported two ways: "in-sample" (optimistic, for reference)
 *   and "2-fold CV" (tune on the even positions of the labelled set, score on the odd ones and vice versa; the
 *   honest estimate).
 * `sentiment` is scored twice: the stock package (AFINN-165 sum; its sign is what textSentiment used before any
 * lexicon overlay) and the library's own textSentiment as it stands in src/ when the script runs (tanh(sum / 4), with
 * whatever lexicon overlay src/text/sentiment.ts applies; bands in that unit: a sum of 1 is 0.245, 2 is 0.462).
 * Preprocessing variants: "raw" text as tweeted; "clean" = HTML entities decoded (&amp; &lt; &gt; &quot; &#39;),
 * @mentions and URLs removed, whitespace collapsed; "clean−req" = clean, and the support-request words help, please,
 * pls, plz and support removed as well (every lexicon scores them positive — AFINN help +2, please +1 — yet on a
 * support channel they mark a request, not a feeling). clean−req is an exploratory domain rule: it was suggested by
 * how the lexicons score "please help me, my phone is not working", not fitted per tweet, but it is measured on the
 * same 300 labels, so treat its gain as an upper estimate until checked on fresh labels.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { SHARED_DATA } from "../tests/fixtures/data-location.js";
import Sentiment from "sentiment";
import { parseCsv, textSentiment } from "../src/index.js";

type Label = "positive" | "neutral" | "negative";
const LABELS: readonly Label[] = ["negative", "neutral", "positive"];

const TWEETS = `${SHARED_DATA}twcs/twcs.csv`;
const LABEL_FILE = fileURLToPath(new URL("../tests/fixtures/twcs-sentiment-labels.csv", import.meta.url));

interface Candidate {
  readonly name: string;
  readonly pkg: string;
  /** A real-valued score; its sign / band decides the class. */
  readonly score: (text: string) => number;
  /** The package's own thresholds: negative if score < lo (≤ for VADER), positive if score > hi. */
  readonly natural: (score: number) => Label;
  /** Candidate cut points for the tuned band. */
  readonly grid: readonly number[];
}

// Untyped CommonJS packages installed with `npm install --no-save`: loaded at run time so the type check never needs them.
const require = createRequire(import.meta.url);
function optional<T>(pkg: string): T | undefined {
  try {
    return require(pkg) as T;
  } catch {
    console.warn(`(skipping ${pkg}: not installed — npm install --no-save ${pkg})`);
    return undefined;
  }
}

const sign = (score: number, lo = 0, hi = 0): Label => (score > hi ? "positive" : score < lo ? "negative" : "neutral");
const range = (from: number, to: number, step: number) =>
  Array.from({ length: Math.round((to - from) / step) + 1 }, (_, i) => Number((from + i * step).toFixed(4)));

function candidates(): Candidate[] {
  const list: Candidate[] = [];
  // Order matters: sentiment 5.0.2 merges `extras` into its shared, process-wide AFINN table (Object.assign on the
  // cached labels), so once textSentiment has run with a lexicon overlay every Sentiment instance sees the overlay.
  // The stock row is therefore measured first; main() checks afterwards whether the table was changed.
  const afinn = new Sentiment();
  list.push({
    name: "sentiment 5.0.2, stock AFINN-165 (sum)",
    pkg: "sentiment",
    score: (text) => afinn.analyze(text).score,
    natural: (s) => sign(s),
    grid: range(-6.5, 6.5, 0.5),
  });
  list.push({
    name: "library textSentiment (AFINN-165 + its overlay, tanh)",
    pkg: "sentiment",
    score: (text) => textSentiment(text).score,
    natural: (s) => sign(s, -0.05, 0.05),
    grid: range(-0.99, 0.99, 0.01),
  });
  const vader = optional<{ SentimentIntensityAnalyzer: { polarity_scores(text: string): { compound: number } } }>(
    "vader-sentiment",
  );
  if (vader) {
    list.push({
      name: "vader-sentiment (VADER compound)",
      pkg: "vader-sentiment",
      score: (text) => vader.SentimentIntensityAnalyzer.polarity_scores(text).compound,
      natural: (s) => (s >= 0.05 ? "positive" : s <= -0.05 ? "negative" : "neutral"),
      grid: range(-0.95, 0.95, 0.05),
    });
  }
  const wink = optional<(text: string) => { score: number; normalizedScore: number }>("wink-sentiment");
  if (wink) {
    list.push({
      name: "wink-sentiment (AFINN + emoji/hashtags)",
      pkg: "wink-sentiment",
      score: (text) => wink(text).normalizedScore,
      natural: (s) => sign(s),
      grid: range(-3, 3, 0.25),
    });
  }
  return list;
}

const REQUEST_WORDS = /\b(help|please|pls|plz|support)\b/gi;
const withoutRequestWords = (text: string) => clean(text).replace(REQUEST_WORDS, " ").replace(/\s+/g, " ").trim();

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };
function clean(text: string): string {
  return text
    .replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/(^|[^\w])@\w+/g, "$1 ")
    .replace(/\s+/g, " ")
    .trim();
}

interface Metrics {
  readonly accuracy: number;
  readonly macroF1: number;
  /** confusion[gold][predicted], in LABELS order. */
  readonly confusion: number[][];
}

function metrics(gold: readonly Label[], predicted: readonly Label[]): Metrics {
  const confusion = LABELS.map(() => LABELS.map(() => 0));
  gold.forEach((label, i) => confusion[LABELS.indexOf(label)]![LABELS.indexOf(predicted[i]!)]! += 1);
  const correct = LABELS.reduce((sum, _, k) => sum + confusion[k]![k]!, 0);
  const f1s = LABELS.map((_, k) => {
    const tp = confusion[k]![k]!;
    const predictedK = confusion.reduce((sum, row) => sum + row[k]!, 0);
    const goldK = confusion[k]!.reduce((sum, n) => sum + n, 0);
    const precision = predictedK === 0 ? 0 : tp / predictedK;
    const recall = goldK === 0 ? 0 : tp / goldK;
    return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  });
  return { accuracy: correct / gold.length, macroF1: f1s.reduce((a, b) => a + b, 0) / f1s.length, confusion };
}

/** The (lo, hi) band with the best accuracy on the given items (ties: macro-F1, then the narrower band). */
function tuneBand(scores: readonly number[], gold: readonly Label[], grid: readonly number[]) {
  let best = { lo: 0, hi: 0, accuracy: -1, macroF1: -1 };
  for (const lo of grid) {
    for (const hi of grid) {
      if (hi < lo) continue;
      const m = metrics(gold, scores.map((s) => sign(s, lo, hi)));
      const better =
        m.accuracy > best.accuracy ||
        (m.accuracy === best.accuracy && m.macroF1 > best.macroF1) ||
        (m.accuracy === best.accuracy && m.macroF1 === best.macroF1 && hi - lo < best.hi - best.lo);
      if (better) best = { lo, hi, accuracy: m.accuracy, macroF1: m.macroF1 };
    }
  }
  return best;
}

/** 2-fold cross-validation of the tuned band: folds are the even and the odd positions (tweet_id order). */
function crossValidated(scores: readonly number[], gold: readonly Label[], grid: readonly number[]) {
  const predicted: Label[] = new Array<Label>(gold.length);
  const bands: string[] = [];
  for (const fold of [0, 1]) {
    const train = gold.map((_, i) => i).filter((i) => i % 2 !== fold);
    const band = tuneBand(train.map((i) => scores[i]!), train.map((i) => gold[i]!), grid);
    bands.push(`[${band.lo}, ${band.hi}]`);
    gold.forEach((_, i) => {
      if (i % 2 === fold) predicted[i] = sign(scores[i]!, band.lo, band.hi);
    });
  }
  return { ...metrics(gold, predicted), bands };
}

function throughput(score: (text: string) => number, texts: readonly string[]): number {
  for (const text of texts.slice(0, 200)) score(text); // warm-up
  let n = 0;
  const start = performance.now();
  do {
    for (const text of texts) score(text);
    n += texts.length;
  } while (performance.now() - start < 1000);
  return n / ((performance.now() - start) / 1000);
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const matrix = (m: number[][]) => m.map((row) => row.join("/")).join(" · ");

function main(): void {
  const inbound = parseCsv(readFileSync(TWEETS, "utf8")).filter((row) => row.inbound === "True");
  const textById = new Map(inbound.map((row) => [String(row.tweet_id), String(row.text)]));
  const labelled = readFileSync(LABEL_FILE, "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => {
      const [id, label] = line.split(",") as [string, Label];
      const text = textById.get(id);
      if (text === undefined) throw new Error(`labelled tweet ${id} is not an inbound tweet`);
      return { id, label, text };
    });
  const gold = labelled.map((item) => item.label);
  const counts = LABELS.map((label) => `${label} ${gold.filter((g) => g === label).length}`).join(", ");
  console.log(`${labelled.length} labelled inbound tweets (${counts}); majority-class baseline ${pct(Math.max(...LABELS.map((l) => gold.filter((g) => g === l).length)) / gold.length)}.`);
  console.log("");

  const variants = { raw: (t: string) => t, clean, "clean−req": withoutRequestWords } as const;
  const allInbound = inbound.map((row) => String(row.text));
  const table: string[] = [
    "| package | text | natural rule: accuracy | macro-F1 | band tuned by 2-fold CV: accuracy | macro-F1 | in-sample best band accuracy (optimistic) | texts/s |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  const details: string[] = [
    "| package | text | natural rule confusion | CV bands (fold 1, fold 2) | CV confusion | in-sample best neutral band |",
    "| --- | --- | --- | --- | --- | --- |",
  ];
  for (const candidate of candidates()) {
    for (const [variant, prepare] of Object.entries(variants)) {
      const scores = labelled.map((item) => candidate.score(prepare(item.text)));
      const natural = metrics(gold, scores.map(candidate.natural));
      const best = tuneBand(scores, gold, candidate.grid);
      const cv = crossValidated(scores, gold, candidate.grid);
      const rate = throughput((t) => candidate.score(prepare(t)), allInbound);
      table.push(
        `| ${candidate.name} | ${variant} | ${pct(natural.accuracy)} | ${natural.macroF1.toFixed(3)} | ${pct(cv.accuracy)} ` +
          `| ${cv.macroF1.toFixed(3)} | ${pct(best.accuracy)} | ${Math.round(rate).toLocaleString("en-US")} |`,
      );
      details.push(
        `| ${candidate.name} | ${variant} | ${matrix(natural.confusion)} | ${cv.bands.join(" ")} | ${matrix(cv.confusion)} ` +
          `| [${best.lo}, ${best.hi}] |`,
      );
    }
  }
  console.log(table.join("\n"));
  console.log("\nConfusion matrices (gold negative/neutral/positive rows; each row predicted neg/neu/pos) and bands:\n");
  console.log(details.join("\n"));
  if (new Sentiment().analyze("please help").score !== 3) {
    console.log(
      "\nNote: after textSentiment ran, a fresh `new Sentiment()` no longer scores AFINN-165 as shipped (\"please help\"" +
        " ≠ +3): the library's lexicon overlay leaks into every other user of the `sentiment` package in the process.",
    );
  }
}

main();
