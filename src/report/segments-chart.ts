import type { TopLevelSpec } from "vega-lite";
import { SEGMENTS, type Segment } from "../rank/segment.js";
import { CHART_CONFIG } from "./chart-config.js";

// Three families a marketing team acts on differently: invite, watch out for, or leave alone.
const FAMILY: Record<Segment, "advocate" | "warning" | "other"> = {
  "vocal-advocate": "advocate",
  "rising-fan": "advocate",
  "silent-loyalist": "other",
  "vocal-critic": "warning",
  "claimed-promoter": "warning",
  "spurious-loyal": "other",
  "lapsed-fan": "other",
  casual: "other",
};

/**
 * The short name of a segment, as the report's charts and table show it.
 *
 * @example
 * segmentLabel("vocal-advocate"); //=> "Vocal advocate"
 */
export function segmentLabel(segment: Segment): string {
  return SEGMENTS[segment].split(":")[0] ?? segment;
}

/**
 * Vega-Lite spec of a horizontal bar chart of customers per segment, in the fixed order of `SEGMENTS` (best
 * first, so charts of two runs line up), coloured by what the team does with them, each bar labelled with its count.
 *
 * @example
 * segmentsChartSpec(result.segments).mark; //=> undefined (a layered spec)
 */
export function segmentsChartSpec(segments: Readonly<Record<Segment, number>>): TopLevelSpec {
  const order = Object.keys(SEGMENTS) as Segment[];
  const values = order.map((segment) => ({ segment: segmentLabel(segment), customers: segments[segment] ?? 0, family: FAMILY[segment] }));
  const y = { field: "segment", type: "nominal", sort: order.map(segmentLabel), title: null } as const;
  return {
    config: CHART_CONFIG,
    width: 520,
    height: { step: 26 },
    data: { values },
    layer: [
      {
        mark: { type: "bar", cornerRadiusEnd: 2 },
        encoding: {
          y,
          x: { field: "customers", type: "quantitative", title: "customers" },
          color: {
            field: "family",
            type: "nominal",
            scale: { domain: ["advocate", "warning", "other"], range: ["#2a9d8f", "#e76f51", "#8d99ae"] },
            legend: { title: null, orient: "bottom", labelExpr: "datum.label === 'advocate' ? 'invite' : datum.label === 'warning' ? 'watch out' : 'other'" },
          },
          tooltip: [{ field: "segment" }, { field: "customers" }],
        },
      },
      {
        mark: { type: "text", align: "left", dx: 4, fontSize: 11 },
        encoding: { y, x: { field: "customers", type: "quantitative" }, text: { field: "customers", type: "quantitative", format: "," } },
      },
    ],
  };
}
