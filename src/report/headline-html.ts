import type { AdvocateResult } from "../pipeline/identify-advocates.js";
import { escapeHtml } from "./escape-html.js";
import { formatNumber } from "./format-number.js";

function tile(label: string, value: string, detail = ""): string {
  return `<div class="tile"><div class="label">${escapeHtml(label)}</div><div class="value">${escapeHtml(value)}</div>${detail === "" ? "" : `<div class="detail">${escapeHtml(detail)}</div>`}</div>`;
}

function loyaltyModel(result: AdvocateResult): string {
  const { loyalty } = result.model;
  if (loyalty.method === "bg-nbd" && loyalty.bgNbd !== undefined) {
    const { r, alpha, a, b } = loyalty.bgNbd;
    const spend = loyalty.gammaGamma === undefined ? "no spend model" : "Gamma-Gamma spend model";
    return `BG/NBD repeat-buying model (r ${formatNumber(r, 3)}, α ${formatNumber(alpha, 3)}, a ${formatNumber(a, 3)}, b ${formatNumber(b, 3)}, in weeks), ${spend}, horizon ${formatNumber(loyalty.horizonWeeks)} weeks.`;
  }
  return `Recency/frequency/spend/tenure percentiles (no BG/NBD fit${loyalty.fallbackReason === undefined ? "" : `: ${loyalty.fallbackReason}`}).`;
}

/**
 * The report's headline: customers scored and listed, who was left out and why, the population's NPS with its
 * standard error (when surveys had NPS answers), stated-vs-revealed counts, which loyalty and voice models were
 * used and any measurement warnings. All text is escaped.
 *
 * @example
 * headlineHtml(result); //=> '<section class="headline">…'
 */
export function headlineHtml(result: AdvocateResult): string {
  const { excluded, model } = result;
  const leftOut = excluded.optedOut + excluded.noConsent + excluded.recentlyInvited;
  const tiles = [
    tile("Customers scored", formatNumber(result.scored), `as of ${result.asOf}`),
    tile("Advocates listed", formatNumber(result.advocates.length), `${formatNumber(excluded.belowMinimum)} scored but below a minimum`),
    tile(
      "Left out before scoring",
      formatNumber(leftOut),
      `${formatNumber(excluded.optedOut)} opted out, ${formatNumber(excluded.noConsent)} without consent, ${formatNumber(excluded.recentlyInvited)} invited recently`,
    ),
  ];
  const nps = model.commitment.nps;
  if (nps !== undefined) {
    tiles.push(
      tile(
        "Net Promoter Score",
        `${formatNumber(nps.nps, 1)} ± ${formatNumber(nps.standardError, 1)}`,
        `± one standard error; ${formatNumber(nps.respondents)} respondents: ${formatNumber(nps.promoters)} promoters, ${formatNumber(nps.passives)} passives, ${formatNumber(nps.detractors)} detractors`,
      ),
    );
  }
  const { claimedPromoters, silentCommitted } = result.statedVsRevealed;
  tiles.push(tile("Say more than they do", formatNumber(claimedPromoters), `claimed promoters; ${formatNumber(silentCommitted)} committed but silent in public`));
  const voice = model.voice.model;
  const models = [
    `<li><strong>Loyalty:</strong> ${escapeHtml(loyaltyModel(result))}</li>`,
    `<li><strong>Voice:</strong> ${escapeHtml(voice.method === "learned" ? "weights learned from this data" : "documented default weights")} — ${escapeHtml(voice.reason)}</li>`,
    `<li><strong>Minimums to be listed:</strong> loyalty ${formatNumber(model.minimum.loyalty, 2)}, commitment ${formatNumber(model.minimum.commitment, 2)}, voice ${formatNumber(model.minimum.voice, 2)}</li>`,
  ];
  const warnings = result.warnings.length === 0 ? "" : `<ul class="warnings">${result.warnings.map((warning) => `<li>${escapeHtml(warning)}</li>`).join("")}</ul>`;
  return `<section class="headline"><div class="tiles">${tiles.join("")}</div><ul class="models">${models.join("")}</ul>${warnings}</section>`;
}
