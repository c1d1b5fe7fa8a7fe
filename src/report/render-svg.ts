import type { TopLevelSpec } from "vega-lite";

/** Compiles Vega-Lite specs and renders them to SVG strings. */
export type SvgRenderer = (spec: TopLevelSpec, idPrefix: string) => Promise<string>;

/** Thrown when the optional charting packages are not installed. */
export class MissingChartingError extends Error {
  constructor(cause: unknown) {
    super("renderReport needs the optional peer dependencies vega and vega-lite: npm install vega@^6 vega-lite@^6", { cause });
    this.name = "MissingChartingError";
  }
}

/**
 * Gives every `id` in an SVG a prefix of our own and rewrites the references to it. Vega numbers clip paths and
 * gradients from process-wide counters (`clip7`, `gradient_3`), so the same chart rendered twice would differ, and
 * two charts inlined in one page could point at each other's definitions.
 */
function scopeIds(svg: string, prefix: string): string {
  const renamed = new Map<string, string>();
  for (const match of svg.matchAll(/\sid="([^"]+)"/g)) {
    const id = match[1] as string;
    if (!renamed.has(id)) renamed.set(id, `${prefix}-${renamed.size}`);
  }
  return svg.replace(/(\sid="|url\(#|href="#)([^")]+)/g, (whole, lead: string, id: string) => {
    const next = renamed.get(id);
    return next === undefined ? whole : `${lead}${next}`;
  });
}

/**
 * Loads Vega and Vega-Lite on first use — they are large, and a caller who never renders a report should not pay
 * for them at import time — and returns a function that compiles a Vega-Lite spec and renders it headless (no
 * canvas, no DOM) to an SVG string ready to inline in HTML: ids scoped to `idPrefix`, namespace declarations
 * dropped (inline SVG in HTML does not need them).
 *
 * @throws {MissingChartingError} when `vega` or `vega-lite` is not installed.
 * @example
 * const render = await svgRenderer();
 * const svg = await render({ data: { values: [{ a: 1 }] }, mark: "bar", encoding: { y: { field: "a", type: "quantitative" } } }, "chart-a");
 * svg.startsWith("<svg"); //=> true
 */
export async function svgRenderer(): Promise<SvgRenderer> {
  let vega: typeof import("vega");
  let vegaLite: typeof import("vega-lite");
  try {
    [vega, vegaLite] = await Promise.all([import("vega"), import("vega-lite")]);
  } catch (error) {
    throw new MissingChartingError(error);
  }
  return async (spec, idPrefix) => {
    const compiled = vegaLite.compile(spec).spec;
    // renderer "none": the scenegraph is built for toSVG only, nothing is drawn or attached to a DOM.
    const view = new vega.View(vega.parse(compiled), { renderer: "none", logLevel: vega.Error });
    try {
      const svg = await view.toSVG();
      return scopeIds(svg, idPrefix).replace(/\sxmlns(?::xlink)?="[^"]*"/g, "");
    } finally {
      view.finalize();
    }
  };
}
