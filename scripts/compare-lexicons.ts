/**
 * Compares the shipped tone model with the lexicons (AFINN-165 via `sentiment`, VADER via `vader-sentiment`, wink via
 * `wink-sentiment`) and the majority class, on every labelled set there is, in one run:
 *
 *   npx tsx scripts/compare-lexicons.ts
 *
 * Sets (tests/fixtures/tone-data.ts has the split rule):
 * - TWCS held out: 300 hand-labelled inbound tweets of Customer Support on Twitter (CC BY-NC-SA 4.0, tests only),
 *   never trained on, labelled by another annotator than the training labels. Selection rule: the inbound tweets
 *   sorted by numeric tweet_id, every 9th from the first, 300 of them. Guideline (one annotator, each tweet read by
 *   hand): negative = complaint, frustration, sarcasm with a negative intent, or a problem the customer suffers (even
 *   politely put or asked as a question); neutral = a plain question or request, a factual answer in a thread, promo
 *   or off-topic text, too ambiguous to call; positive = thanks, praise, delight — "thanks" is positive unless the
 *   rest is a complaint. 171 negative, 78 neutral, 51 positive.
 * - TweetEval held out: the ≈ 30 % of TweetEval sentiment (val + test, SemEval-2017 general tweets) never trained on.
 * - TWCS training labels: 617 other inbound tweets labelled for training under the same guideline. The shipped model
 *   was trained on them, so its row there is in-sample (marked); the lexicons' rows are fair.
 * - Sample surveys: the bundled sample's comments (examples/data, synthetic) with their NPS as the label (9–10
 *   positive, 7–8 neutral, 0–6 negative): attitude, not tone, so every reader scores lower there.
 *
 * Each lexicon's own rule maps its score to three classes: AFINN and wink > 0 positive, < 0 negative; VADER compound
 * ≥ 0.05 positive, ≤ −0.05 negative (its authors' thresholds). The model takes its most probable class. Throughput is
 * texts per second on one core, reading the set's texts over and over for about half a second.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import Sentiment from "sentiment";
import { parseCsv, readTone } from "../src/index.js";
import { attitudeOf } from "../src/text/tone/fit-tone-adjustment.js";
import { isHeldOut, TONE_LABELS, tweetEvalSentiment, twcsHeldOut, twcsInbound, twcsTraining, type LabelledText, type ToneLabel } from "../tests/fixtures/tone-data.js";
import { classificationReport } from "./tone-metrics.js";

const require = createRequire(import.meta.url);
const sign = (score: number, band = 0): ToneLabel => (score > band ? "positive" : score < -band ? "negative" : "neutral");

interface Reader {
  readonly name: string;
  readonly read: (text: string) => ToneLabel;
}

function readers(majority: ToneLabel): Reader[] {
  const afinn = new Sentiment();
  const vader = require("vader-sentiment") as { SentimentIntensityAnalyzer: { polarity_scores(text: string): { compound: number } } };
  const wink = require("wink-sentiment") as (text: string) => { score: number };
  return [
    { name: "brand-advocates tone model (shipped)", read: (text) => readTone(text).label },
    { name: "AFINN-165 (sentiment 5.0.2)", read: (text) => sign(afinn.analyze(text).score) },
    { name: "VADER (vader-sentiment 1.1.3)", read: (text) => sign(vader.SentimentIntensityAnalyzer.polarity_scores(text).compound, 0.0499) },
    { name: "wink-sentiment 5.0.2", read: (text) => sign(wink(text).score) },
    { name: "majority class", read: () => majority },
  ];
}

function throughput(read: (text: string) => unknown, texts: readonly string[]): number {
  for (const text of texts.slice(0, 200)) read(text);
  let n = 0;
  const start = performance.now();
  do {
    for (const text of texts) read(text);
    n += texts.length;
  } while (performance.now() - start < 500);
  return n / ((performance.now() - start) / 1000);
}

function sampleSurveys(): LabelledText[] {
  const rows = parseCsv(readFileSync(fileURLToPath(new URL("../examples/data/surveys.csv", import.meta.url)), "utf8"));
  return rows.flatMap((row) => {
    const label = attitudeOf(row.nps === "" ? undefined : Number(row.nps), row.csat === "" ? undefined : Number(row.csat));
    return typeof row.comment === "string" && row.comment !== "" && label !== undefined ? [{ text: row.comment, label }] : [];
  });
}

function main(): void {
  const inbound = twcsInbound();
  const sets: Array<{ name: string; items: LabelledText[]; trainedOn?: boolean }> = [
    { name: "TWCS held out (300)", items: twcsHeldOut(inbound) },
    { name: "TweetEval held out", items: tweetEvalSentiment().filter((item) => isHeldOut(item.text)) },
    { name: "TWCS training labels (617)", items: twcsTraining(inbound), trainedOn: true },
    { name: "sample survey comments by NPS", items: sampleSurveys() },
  ];
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  const table = ["| data set | reader | accuracy | macro-F1 | positive precision | negative recall | texts/s |", "| --- | --- | --- | --- | --- | --- | --- |"];
  for (const set of sets) {
    const gold = set.items.map((item) => item.label);
    const counts = TONE_LABELS.map((label) => gold.filter((g) => g === label).length);
    const majority = TONE_LABELS[counts.indexOf(Math.max(...counts))] as ToneLabel;
    for (const reader of readers(majority)) {
      const report = classificationReport(gold, set.items.map((item) => reader.read(item.text)));
      const rate = reader.name === "majority class" ? "—" : Math.round(throughput(reader.read, set.items.map((item) => item.text))).toLocaleString("en-US");
      const inSample = set.trainedOn === true && reader.name.startsWith("brand-advocates") ? " (trained on: in-sample)" : "";
      table.push(
        `| ${set.name} (${counts.join("/")} neg/neu/pos) | ${reader.name}${inSample} | ${pct(report.accuracy)} | ${report.macroF1.toFixed(3)} | ` +
          `${report.perClass.positive.precision.toFixed(3)} | ${report.perClass.negative.recall.toFixed(3)} | ${rate} |`,
      );
    }
  }
  console.log(table.join("\n"));
}

main();
