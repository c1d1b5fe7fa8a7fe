/**
 * Formats a number for the report with a fixed number of decimals and thousands separators, the same on every
 * machine (no `toLocaleString`, whose output depends on the ICU data and locale). Anything non-finite prints as
 * an em dash, so no NaN or Infinity ever reaches the page.
 *
 * @example
 * formatNumber(1234.567, 1); //=> "1,234.6"
 * formatNumber(Number.NaN); //=> "—"
 */
export function formatNumber(value: number, decimals = 0): string {
  if (!Number.isFinite(value)) return "—";
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole = "0", fraction] = fixed.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  // -0.0 after rounding reads as 0.0, not "-0.0".
  const negative = value < 0 && Number(fixed) !== 0;
  return `${negative ? "−" : ""}${grouped}${fraction === undefined ? "" : `.${fraction}`}`;
}
