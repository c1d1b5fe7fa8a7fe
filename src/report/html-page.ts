import { escapeHtml } from "./escape-html.js";

// Inline and system fonts only: the page must open offline, from a file, with nothing fetched.
const STYLE = `
:root { color-scheme: light; --ink: #1d2330; --muted: #5b6475; --line: #e3e6ec; --accent: #2a9d8f; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: var(--ink); background: #f6f7f9; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 32px 0 8px; }
p.sub, figcaption, .detail, .id { color: var(--muted); }
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(190px, 1fr)); gap: 12px; margin: 16px 0; }
.tile { background: white; border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
.tile .label { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.tile .value { font-size: 26px; font-weight: 600; margin: 2px 0; font-variant-numeric: tabular-nums; }
.tile .detail { font-size: 12px; }
ul.models, ul.warnings { margin: 8px 0; padding-left: 20px; }
ul.warnings li { color: #9a3412; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 16px; }
figure.chart { margin: 0; background: white; border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; overflow-x: auto; }
figure.chart h3 { font-size: 15px; margin: 0 0 8px; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
/* Heat-map cells are drawn edge to edge; anti-aliasing would show hairline seams between them. */
figure.chart[data-chart="alive"] .role-mark path { shape-rendering: crispEdges; }
figcaption { font-size: 12px; margin-top: 6px; }
table.advocates { width: 100%; border-collapse: collapse; background: white; border: 1px solid var(--line); }
table.advocates th, table.advocates td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
table.advocates th { background: #eef1f5; font-size: 12px; }
table.advocates td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.advocates td.score { font-weight: 600; color: var(--accent); }
.id { font-size: 11px; }
td.who { max-width: 200px; overflow-wrap: anywhere; }
td.why { width: 42%; }
ul.reasons { margin: 0; padding-left: 16px; font-size: 12px; }
td.empty { text-align: center; color: var(--muted); }
footer { margin-top: 32px; font-size: 12px; color: var(--muted); }
`;

/** A chart as the page shows it: heading, inline SVG, caption. */
export interface ChartFigure {
  /** Stable name, used as `data-chart` (tests and stylesheets find charts by it). */
  readonly name: string;
  readonly title: string;
  readonly svg: string;
  readonly caption: string;
}

/**
 * Wraps a rendered chart in a `<figure>`; title and caption are escaped, the SVG (our own, from Vega) is not.
 *
 * @example
 * chartFigureHtml({ name: "segments", title: "Segments", svg, caption: "Customers per segment." });
 */
export function chartFigureHtml(figure: ChartFigure): string {
  return `<figure class="chart" data-chart="${escapeHtml(figure.name)}"><h3>${escapeHtml(figure.title)}</h3>${figure.svg}<figcaption>${escapeHtml(figure.caption)}</figcaption></figure>`;
}

/**
 * The whole self-contained HTML document: inline style, no script, no external URL. A Content-Security-Policy
 * meta tag forbids the browser from fetching anything or running any script, so even a bug in escaping could not
 * load a resource or execute code when the report is opened.
 *
 * @example
 * htmlPage("Advocates", "<main>…</main>"); //=> "<!doctype html>…"
 */
export function htmlPage(title: string, body: string): string {
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    body,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
