/** Accuracy, macro-F1 and per-class precision/recall of a three-class tone reading, for the tone scripts. */
import { TONE_LABELS, type ToneLabel } from "../tests/fixtures/tone-data.js";

export interface ClassReport {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly support: number;
}

export interface ClassificationReport {
  readonly count: number;
  readonly accuracy: number;
  readonly macroF1: number;
  readonly perClass: Readonly<Record<ToneLabel, ClassReport>>;
  /** confusion[gold][predicted], in TONE_LABELS order. */
  readonly confusion: number[][];
}

export function classificationReport(gold: readonly ToneLabel[], predicted: readonly ToneLabel[]): ClassificationReport {
  const confusion = TONE_LABELS.map(() => TONE_LABELS.map(() => 0));
  gold.forEach((label, i) => (confusion[TONE_LABELS.indexOf(label)]![TONE_LABELS.indexOf(predicted[i]!)]! += 1));
  const perClass = Object.fromEntries(
    TONE_LABELS.map((label, k) => {
      const tp = confusion[k]![k]!;
      const predictedK = confusion.reduce((sum, row) => sum + row[k]!, 0);
      const support = confusion[k]!.reduce((sum, n) => sum + n, 0);
      const precision = predictedK === 0 ? 0 : tp / predictedK;
      const recall = support === 0 ? 0 : tp / support;
      return [label, { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall), support }];
    }),
  ) as Record<ToneLabel, ClassReport>;
  const correct = TONE_LABELS.reduce((sum, _, k) => sum + confusion[k]![k]!, 0);
  return {
    count: gold.length,
    accuracy: gold.length === 0 ? 0 : correct / gold.length,
    macroF1: TONE_LABELS.reduce((sum, label) => sum + perClass[label].f1, 0) / TONE_LABELS.length,
    perClass,
    confusion,
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

export function formatReport(report: ClassificationReport): string {
  const rows = TONE_LABELS.map((label) => {
    const c = report.perClass[label];
    return `  ${label.padEnd(8)} precision ${c.precision.toFixed(3)}  recall ${c.recall.toFixed(3)}  F1 ${c.f1.toFixed(3)}  (${c.support})`;
  });
  return [`  ${report.count} texts: accuracy ${pct(report.accuracy)}, macro-F1 ${report.macroF1.toFixed(3)}`, ...rows, `  confusion (rows gold neg/neu/pos): ${JSON.stringify(report.confusion)}`].join("\n");
}
