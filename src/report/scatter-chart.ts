import type { TopLevelSpec } from "vega-lite";
import type { ScorePoint } from "../rank/personas.js";
import type { DimensionWeights } from "../model/advocate-model.js";
import { CHART_CONFIG } from "./chart-config.js";

/**
 * Vega-Lite spec of the loyalty × commitment scatter, coloured by voice (viridis, 0..1, so the scale is the same on
 * every report), with dashed lines at the loyalty and commitment minimums a listed advocate must reach. Points are
 * drawn in the given order (see `samplePoints`: vocal customers last, on top). Scores are rounded to 3 decimals in
 * the data, which is below what the eye can tell apart and keeps the page small.
 *
 * @example
 * scatterChartSpec(samplePoints(everyone.advocates, 2000), result.model.minimum);
 */
export function scatterChartSpec(points: readonly ScorePoint[], minimum: DimensionWeights): TopLevelSpec {
  const round = (value: number): number => (Number.isFinite(value) ? Math.round(value * 1000) / 1000 : 0);
  const values = points.map((point) => ({ loyalty: round(point.loyalty), commitment: round(point.commitment), voice: round(point.voice) }));
  const unit = { type: "quantitative" as const, scale: { domain: [0, 1], nice: false } };
  return {
    config: CHART_CONFIG,
    width: 460,
    height: 400,
    layer: [
      {
        data: { values },
        // No per-point aria labels: thousands of them would triple the page; the caption describes the chart.
        mark: { type: "circle", size: 18, opacity: 0.7, aria: false },
        encoding: {
          x: { ...unit, field: "loyalty", title: "loyalty (behaviour)" },
          y: { ...unit, field: "commitment", title: "commitment (attitude)" },
          color: { field: "voice", type: "quantitative", scale: { scheme: "viridis", domain: [0, 1] }, title: "voice" },
        },
      },
      {
        data: { values: [{ loyalty: minimum.loyalty }] },
        mark: { type: "rule", strokeDash: [4, 4], color: "#444" },
        encoding: { x: { ...unit, field: "loyalty" } },
      },
      {
        data: { values: [{ commitment: minimum.commitment }] },
        mark: { type: "rule", strokeDash: [4, 4], color: "#444" },
        encoding: { y: { ...unit, field: "commitment" } },
      },
    ],
  };
}
