import type { TopLevelSpec } from "vega-lite";
import type { AliveMatrix } from "./alive-matrix.js";
import { CHART_CONFIG } from "./chart-config.js";

/**
 * Vega-Lite spec of the BG/NBD P(alive) heat map: recency (weeks from first to last purchase) across, repeat
 * purchases up, colour = probability the customer is still buying (viridis, 0..1). Read it as lifetimes'
 * `plot_probability_alive_matrix`: frequent buyers whose last purchase was long ago (top left) are likely gone.
 *
 * @example
 * aliveChartSpec(aliveMatrix(model.loyalty.bgNbd, 50, 180));
 */
export function aliveChartSpec(matrix: AliveMatrix): TopLevelSpec {
  const round = (value: number, decimals: number): number => Math.round(value * 10 ** decimals) / 10 ** decimals;
  const values = matrix.cells.map((cell) => ({
    recency: round(cell.recency, 2),
    recencyEnd: round(cell.recencyEnd, 2),
    frequency: cell.frequency,
    frequencyEnd: cell.frequencyEnd,
    alive: round(cell.probabilityAlive, 3),
  }));
  return {
    // No grid: its lines would show through the hairline seams between cells.
    config: { ...CHART_CONFIG, axis: { ...CHART_CONFIG.axis, grid: false } },
    width: 520,
    height: 340,
    data: { values },
    // No per-cell aria labels: thousands of them would triple the page; the caption describes the chart.
    mark: { type: "rect", aria: false },
    encoding: {
      x: { field: "recency", type: "quantitative", title: `recency: weeks from first to last purchase (T = ${round(matrix.T, 1)} weeks)`, scale: { domain: [0, round(matrix.T, 2)], nice: false } },
      x2: { field: "recencyEnd" },
      y: { field: "frequency", type: "quantitative", title: "repeat purchases (frequency)", scale: { domain: [0, matrix.maxFrequency + 1], nice: false } },
      y2: { field: "frequencyEnd" },
      color: { field: "alive", type: "quantitative", scale: { scheme: "viridis", domain: [0, 1] }, title: "P(alive)" },
    },
  };
}
