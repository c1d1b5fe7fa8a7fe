import type { Config } from "vega-lite";

/**
 * Look shared by every chart in the report: the page's font stack (so charts match the text around them), no
 * frame around the plot area, and no chart background, since the page provides it.
 *
 * @example
 * const spec = { config: CHART_CONFIG, mark: "bar", ... };
 */
export const CHART_CONFIG: Config = {
  font: "system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif",
  background: "white",
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: "normal", grid: true, gridOpacity: 0.5 },
  legend: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: "normal" },
};
