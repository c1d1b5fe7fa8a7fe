export { renderReport, type ReportOptions } from "./render-report.js";
export type { ReportBacktest } from "./backtest-chart.js";
export { MissingChartingError } from "./render-svg.js";
export { aliveMatrix, type AliveMatrix, type AliveCell } from "./alive-matrix.js";
export { escapeHtml } from "./escape-html.js";
