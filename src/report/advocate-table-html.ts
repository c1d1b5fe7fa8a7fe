import type { Advocate } from "../arm/advocate.js";
import { escapeHtml } from "./escape-html.js";
import { formatNumber } from "./format-number.js";
import { segmentLabel } from "./segments-chart.js";

/**
 * An HTML table of the top `top` advocates: rank, name and ID, the advocate score and its three dimensions,
 * segment, where they speak in public, and the reasons in plain words. Every piece of customer text is escaped —
 * names and reasons come from brand data and can contain anything, `<script>` included.
 *
 * @example
 * advocateTableHtml(result.advocates, 25); //=> '<table class="advocates">…'
 */
export function advocateTableHtml(advocates: readonly Advocate[], top: number): string {
  const rows = advocates.slice(0, Math.max(0, top)).map((advocate) => {
    const who = advocate.name === undefined ? escapeHtml(advocate.customerId) : `${escapeHtml(advocate.name)}<div class="id">${escapeHtml(advocate.customerId)}</div>`;
    const reasons = advocate.reasons.map((reason) => `<li>${escapeHtml(reason)}</li>`).join("");
    const cells = [
      `<td class="num">${formatNumber(advocate.rank)}</td>`,
      `<td class="who">${who}</td>`,
      `<td class="num score">${formatNumber(advocate.score, 3)}</td>`,
      `<td class="num">${formatNumber(advocate.loyalty, 2)}</td>`,
      `<td class="num">${formatNumber(advocate.commitment, 2)}</td>`,
      `<td class="num">${formatNumber(advocate.voice, 2)}</td>`,
      `<td>${escapeHtml(segmentLabel(advocate.segment))}</td>`,
      `<td>${escapeHtml(advocate.platforms.join(", ") || "—")}</td>`,
      `<td class="why"><ul class="reasons">${reasons}</ul></td>`,
    ];
    return `<tr>${cells.join("")}</tr>`;
  });
  const head = ["#", "Customer", "Score", "Loyalty", "Commitment", "Voice", "Segment", "Speaks on", "Why"].map((title) => `<th scope="col">${title}</th>`).join("");
  const body = rows.length === 0 ? `<tr><td colspan="9" class="empty">No customer reaches every minimum.</td></tr>` : rows.join("\n");
  return `<table class="advocates"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}
