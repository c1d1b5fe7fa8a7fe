import { quoteValue } from "./quote-value.js";

/** How a source writes numbers: its decimal separator, and whether the field is money (currency marks allowed). */
export interface NumberRules {
  /** The decimal separator (default "."). With ",", dots, spaces and apostrophes may group thousands. */
  readonly decimal?: "." | "," | undefined;
  /** Money: a currency symbol or ISO code before or after the number is allowed and dropped. */
  readonly money?: boolean | undefined;
  /** How a message names the option that sets the decimal separator. */
  readonly decimalOption?: string | undefined;
}

/** What reading a number gave: the value, or why it could not be read. */
export type NumberReading = { readonly value: number } | { readonly problem: string };

// A plain decimal number: Number() alone would also read "0x1F", "0b11", "Infinity" or "" as numbers.
const PLAIN_POINT = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const PLAIN_COMMA = /^(\d+(,\d+)?|,\d+)$/;
// Thousands grouped in threes, by the separators each decimal mark allows.
const GROUPED_POINT = /^\d{1,3}([,' \u00a0\u202f\u2009]\d{3})+(\.\d+)?$/;
const GROUPED_COMMA = /^\d{1,3}([.' \u00a0\u202f\u2009]\d{3})+(,\d+)?$/;
// Currency around an amount: a symbol (with an optional country prefix such as US$ or CA$) or an ISO 4217 code.
const CURRENCY_BEFORE = /^(?:[A-Z]{3}|[A-Z]{0,2}[$€£¥₹₩₽₺₪₫฿₴₦₱¢])\s?/u;
const CURRENCY_AFTER = /\s?(?:[A-Z]{3}|[$€£¥₹₩₽₺₪₫฿₴₦₱¢])$/u;
const SEPARATORS = /[,.' \u00a0\u202f\u2009]/g;

/**
 * Reads a number as exports write it, by one explicit rule:
 * 1. an optional sign; for money, a currency symbol or ISO code before or after (`$1,234.50`, `1234.50 USD`,
 *    `€ 12,50`, `-£3`) is dropped;
 * 2. with the decimal point (the default), digits may be grouped in threes by commas, spaces or apostrophes
 *    (`1,234,567.89`, `1 234.5`); with `decimal: ","`, by dots, spaces or apostrophes (`1.234,50`);
 * 3. nothing else: hex, `Infinity`, a comma where the point is the decimal mark (`12,50` asks you to set
 *    `decimal: ","`), or stray text is a problem that quotes the value.
 *
 * @example
 * readNumber("$1,234.50", { money: true }); //=> { value: 1234.5 }
 * readNumber("1.234,50", { decimal: ",", money: true }); //=> { value: 1234.5 }
 * "problem" in readNumber("12,50"); //=> true (set decimal ",")
 */
export function readNumber(text: string, rules: NumberRules = {}): NumberReading {
  const written = text.trim();
  let body = written;
  let sign = 1;
  const signed = (): void => {
    if (body.startsWith("-") || body.startsWith("+") || body.startsWith("\u2212")) {
      if (body.startsWith("-") || body.startsWith("\u2212")) sign = -sign;
      body = body.slice(1).trimStart();
    }
  };
  signed();
  if (rules.money === true) {
    const before = CURRENCY_BEFORE.exec(body);
    if (before !== null) body = body.slice(before[0].length);
    else {
      const after = CURRENCY_AFTER.exec(body);
      if (after !== null) body = body.slice(0, body.length - after[0].length);
    }
    // "$-12.00": a sign after the symbol.
    if (sign === 1) signed();
  }
  const comma = rules.decimal === ",";
  let value: number | undefined;
  if (comma ? PLAIN_COMMA.test(body) : PLAIN_POINT.test(body)) value = Number(comma ? body.replace(",", ".") : body);
  else if (comma ? GROUPED_COMMA.test(body) : GROUPED_POINT.test(body)) {
    const decimalAt = body.lastIndexOf(comma ? "," : ".");
    const whole = (decimalAt < 0 ? body : body.slice(0, decimalAt)).replace(SEPARATORS, "");
    value = Number(decimalAt < 0 ? whole : `${whole}.${body.slice(decimalAt + 1)}`);
  }
  if (value !== undefined && Number.isFinite(value)) return { value: sign * value };
  const option = rules.decimalOption ?? 'the decimal option';
  if (!comma && /^\d+,\d{1,2}$|^\d{1,3}(\.\d{3})+,\d+$/.test(body)) {
    return { problem: `${quoteValue(written)} is written with a decimal comma: set decimal "," (${option})` };
  }
  if (comma && /^\d+\.\d{1,2}$|^\d{1,3}(,\d{3})+\.\d+$/.test(body)) {
    return { problem: `${quoteValue(written)} is written with a decimal point, but decimal "," is set (${option})` };
  }
  return { problem: `expected a number, got ${quoteValue(written)}` };
}
