import type { TopLevelSpec } from "vega-lite";
import type { ReportBacktest } from "../schema/report-options.js";
import { CHART_CONFIG } from "./chart-config.js";

export type { ReportBacktest } from "../schema/report-options.js";

/**
 * Vega-Lite spec of the backtest lift: one bar for lift over a random pick, one over an NPS-only pick, a dashed
 * line at 1 (no better than the alternative), each bar labelled "×lift". Non-finite lifts are left out, never drawn.
 *
 * @example
 * backtestChartSpec({ k: 50, precisionAtK: 0.4, liftOverRandom: 8.1, liftOverNps: 2.3 });
 */
export function backtestChartSpec(backtest: ReportBacktest): TopLevelSpec {
  const values = [
    { against: "a random pick", lift: backtest.liftOverRandom },
    { against: "an NPS-only pick", lift: backtest.liftOverNps },
  ]
    .filter(({ lift }) => Number.isFinite(lift))
    .map(({ against, lift }) => ({ against, lift: Math.round(lift * 100) / 100 }));
  const x = { field: "against", type: "nominal", title: `precision@${backtest.k} of the advocate ranking over`, sort: null, axis: { labelAngle: 0 } } as const;
  return {
    config: CHART_CONFIG,
    width: { step: 130 },
    height: 240,
    layer: [
      {
        data: { values },
        mark: { type: "bar", color: "#2a9d8f", cornerRadiusEnd: 2 },
        encoding: { x, y: { field: "lift", type: "quantitative", title: "lift (×)" } },
      },
      {
        data: { values },
        mark: { type: "text", dy: -6, baseline: "bottom", fontSize: 12 },
        encoding: { x, y: { field: "lift", type: "quantitative" }, text: { field: "lift", type: "quantitative", format: ".2f" } },
      },
      {
        data: { values: [{ lift: 1 }] },
        mark: { type: "rule", strokeDash: [4, 4], color: "#444" },
        encoding: { y: { field: "lift", type: "quantitative" } },
      },
    ],
  };
}
