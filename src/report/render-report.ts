import type { AdvocateResult } from "../pipeline/identify-advocates.js";
import { reportOptionsSchema, type ReportOptions } from "../schema/report-options.js";
import { parseOptions } from "../schema/parse-options.js";
import { advocateTableHtml } from "./advocate-table-html.js";
import { aliveChartSpec } from "./alive-chart.js";
import { aliveMatrix } from "./alive-matrix.js";
import { backtestChartSpec, type ReportBacktest } from "./backtest-chart.js";
import { escapeHtml } from "./escape-html.js";
import { formatNumber } from "./format-number.js";
import { headlineHtml } from "./headline-html.js";
import { chartFigureHtml, htmlPage, type ChartFigure } from "./html-page.js";
import { svgRenderer } from "./render-svg.js";
import { samplePoints } from "./sample-points.js";
import { scatterChartSpec } from "./scatter-chart.js";
import { segmentsChartSpec } from "./segments-chart.js";

export type { ReportOptions } from "../schema/report-options.js";

const DEFAULT_TOP = 25;
const DEFAULT_MAX_POINTS = 2000;
const DAYS_PER_WEEK = 7;

function scatterCaption(result: AdvocateResult, given: number, drawn: number, population: boolean): string {
  const who = population
    ? `${formatNumber(given)} customers given (${formatNumber(result.scored)} scored)`
    : `only the ${formatNumber(given)} listed advocates, who already clear every minimum — not the ${formatNumber(result.scored)} scored (render with a population to see everyone)`;
  const sample = drawn < given ? `; a fixed sample of ${formatNumber(drawn)} drawn, picked by customer ID, not by score` : "";
  return `Each dot is a customer: ${who}${sample}. Dashed lines: the loyalty and commitment minimums to be listed. Colour: voice, 0 (dark) to 1 (yellow).`;
}

/**
 * Renders a self-contained HTML report of a ranking for a marketing team: headline numbers, segment sizes, a
 * loyalty × commitment scatter coloured by voice, the top advocates with their reasons, the BG/NBD P(alive) matrix
 * (when a BG/NBD model was fitted) and the backtest lift (when given). Charts are Vega-Lite specs rendered to SVG
 * in Node and inlined; the page has no script and loads nothing, so it opens offline and can be mailed as a file.
 * The same result and options give a byte-identical page. Vega and Vega-Lite are loaded on the first call.
 *
 * @throws {MissingChartingError} when the optional peer dependencies `vega` and `vega-lite` are not installed.
 * @throws {RangeError} on a bad or unknown option (with the closest known one).
 * @example
 * const result = identifyAdvocates(data, { sourceNames });
 * const everyone = identifyAdvocates(data, { sourceNames, minimum: { loyalty: 0, commitment: 0, voice: 0 } });
 * const html = await renderReport(result, { population: everyone.advocates, title: "Northwind Coffee advocates" });
 * await writeFile("report.html", html);
 */
export async function renderReport(result: AdvocateResult, options: ReportOptions = {}): Promise<string> {
  parseOptions(reportOptionsSchema, options, "renderReport");
  const render = await svgRenderer();
  const title = options.title ?? `Brand advocates — as of ${result.asOf}`;
  const top = Math.max(0, Math.floor(options.top ?? DEFAULT_TOP));
  const figures: ChartFigure[] = [];

  figures.push({
    name: "segments",
    title: "Customers per segment",
    svg: await render(segmentsChartSpec(result.segments), "chart-segments"),
    caption: `All ${formatNumber(result.scored)} customers scored, by segment. Green: worth inviting; orange: watch out (loud critics, promoters who stopped buying).`,
  });

  const given = options.population ?? result.advocates;
  const points = samplePoints(given, Math.max(1, Math.floor(options.maxPoints ?? DEFAULT_MAX_POINTS)));
  figures.push({
    name: "scatter",
    title: "Loyalty × commitment, coloured by voice",
    svg: await render(scatterChartSpec(points, result.model.minimum), "chart-scatter"),
    caption: scatterCaption(result, given.length, points.length, options.population !== undefined),
  });

  const { loyalty } = result.model;
  const maxTenureDays = loyalty.tenureDays.at(-1);
  const maxPurchaseDays = loyalty.purchaseDays.at(-1);
  if (loyalty.bgNbd !== undefined && maxTenureDays !== undefined && maxPurchaseDays !== undefined && maxTenureDays > 0) {
    // The model's grids end at the population's maximum (its 100 % quantile): the longest T and most repeats seen.
    const matrix = aliveMatrix(loyalty.bgNbd, maxPurchaseDays - 1, maxTenureDays / DAYS_PER_WEEK);
    figures.push({
      name: "alive",
      title: "Probability a customer is still buying (BG/NBD)",
      svg: await render(aliveChartSpec(matrix), "chart-alive"),
      caption: `P(alive) by repeat purchases and recency, for a customer first seen ${formatNumber(matrix.T, 1)} weeks ago (the longest in the data, as in lifetimes' plot_probability_alive_matrix). Frequent buyers who have not bought for a long time (top left) have probably left; customers first seen later look more alive at the same recency.`,
    });
  }

  const backtest = options.backtest;
  if (backtest !== undefined) {
    figures.push({
      name: "backtest",
      title: "Backtest: does the ranking pick people who speak up?",
      svg: await render(backtestChartSpec(backtest), "chart-backtest"),
      caption: `Of the top ${formatNumber(backtest.k)} ranked before the split, ${formatNumber(backtest.precisionAtK * 100, 1)} % spoke up for the brand in public afterwards. Bars: that rate over a random pick and over picking by NPS alone; the dashed line is "no better".`,
    });
  }

  const listed = Math.min(top, result.advocates.length);
  const body = [
    "<main>",
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="sub">Customers who are at once behaviourally loyal, emotionally committed and vocal in public, as of ${escapeHtml(result.asOf)}.</p>`,
    headlineHtml(result),
    '<h2>Charts</h2>',
    `<div class="charts">${figures.map(chartFigureHtml).join("\n")}</div>`,
    `<h2>Top ${formatNumber(listed)} advocates</h2>`,
    advocateTableHtml(result.advocates, top),
    '<footer>Generated by brand-advocates. Scores are 0..1; the advocate score is the weighted geometric mean of loyalty, commitment and voice. Opted-out customers are never profiled.</footer>',
    "</main>",
  ].join("\n");
  return htmlPage(title, body);
}
