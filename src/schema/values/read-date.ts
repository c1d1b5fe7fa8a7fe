import { utc } from "@date-fns/utc";
import { isValid, parse } from "date-fns";
import { digitsAt, utcCalendarDay } from "./calendar-day.js";
import { quoteValue } from "./quote-value.js";

/** What reading a date gave: the instant, or why it could not be read. */
export type DateReading = { readonly date: Date } | { readonly problem: string };

// ISO 8601 date-time, as exports write it: `T` or a space before the time, optional seconds and fraction, and an
// optional zone — `Z`, `UTC`/`GMT`, or an offset with or without a colon, with or without a space before it
// (Shopify writes `2026-03-04 14:22:01 -0500`).
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) ?(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
// Twitter's classic created_at: `Tue Oct 31 22:10:47 +0000 2017` (the customer-support data set writes it so).
const TWITTER = /^(?:mon|tue|wed|thu|fri|sat|sun) ([a-z]{3}) (\d{2}) (\d{2}:\d{2}:\d{2}) ([+-]\d{4}) (\d{4})$/i;
// RFC 2822 (e-mail and RSS dates): `Tue, 31 Oct 2017 22:10:47 +0000`.
const RFC_2822 = /^(?:(?:mon|tue|wed|thu|fri|sat|sun), )?(\d{1,2}) ([a-z]{3}) (\d{4}) (\d{2}:\d{2}(?::\d{2})?) (GMT|UT|Z|[+-]\d{4})$/i;
// Day and month as numbers around a slash, dot or dash (`03/04/2026`, `4.3.26`): which is which is the reader's guess.
const NUMERIC_DAY_MONTH = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:[ T].*)?$/;
/** Two-digit years are read within 50 years of 2000 (1950–2049): a fixed reference keeps reading deterministic. */
const REFERENCE_DATE = new Date(Date.UTC(2000, 0, 1));

const EXPECTED = "expected a date: YYYY-MM-DD, YYYYMMDD or an ISO date-time";

function zoneOffset(zone: string | undefined): string {
  if (zone === undefined || zone === "Z" || zone === "UTC" || zone === "GMT") return "Z";
  if (zone.length === 3) return `${zone}:00`;
  return zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
}

function instant(iso: string): Date | undefined {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? new Date(ms) : undefined;
}

/**
 * Reads the date forms that need no format: ISO dates (a calendar day, read as UTC midnight, so results never depend
 * on the machine's time zone), compact dates, ISO date-times with any zone notation (no zone means UTC), Twitter's
 * and RFC 2822's forms. The two date-only forms are read digit by digit: they are most of every export.
 */
function readUnambiguous(text: string): Date | undefined {
  if (text.length === 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45) {
    return utcCalendarDay(digitsAt(text, 0, 4), digitsAt(text, 5, 7), digitsAt(text, 8, 10));
  }
  if (text.length === 8) return utcCalendarDay(digitsAt(text, 0, 4), digitsAt(text, 4, 6), digitsAt(text, 6, 8));
  const iso = DATE_TIME.exec(text);
  if (iso !== null) {
    const day = iso[1] as string;
    if (utcCalendarDay(digitsAt(day, 0, 4), digitsAt(day, 5, 7), digitsAt(day, 8, 10)) === undefined) return undefined;
    return instant(`${day}T${iso[2] as string}${zoneOffset(iso[3])}`);
  }
  const twitter = TWITTER.exec(text);
  if (twitter !== null) {
    const month = MONTHS.indexOf((twitter[1] as string).toLowerCase()) + 1;
    const day = Number(twitter[2]);
    const year = Number(twitter[5]);
    if (month === 0 || utcCalendarDay(year, month, day) === undefined) return undefined;
    return instant(`${year}-${String(month).padStart(2, "0")}-${twitter[2] as string}T${twitter[3] as string}${zoneOffset(twitter[4])}`);
  }
  const rfc = RFC_2822.exec(text);
  if (rfc !== null) {
    const month = MONTHS.indexOf((rfc[2] as string).toLowerCase()) + 1;
    const day = Number(rfc[1]);
    const year = Number(rfc[3]);
    if (month === 0 || utcCalendarDay(year, month, day) === undefined) return undefined;
    const zone = rfc[5] === "GMT" || rfc[5] === "UT" ? "Z" : (rfc[5] as string);
    return instant(`${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}T${rfc[4] as string}${zoneOffset(zone)}`);
  }
  return undefined;
}

/** Why a day/month date without a format cannot be read, and what format it likely is. */
function ambiguity(text: string, match: RegExpExecArray, option: string): string {
  const first = Number(match[1]);
  const second = Number(match[2]);
  const separator = text.charAt((match[1] as string).length);
  const year = (match[3] as string).length === 2 ? "yy" : "yyyy";
  const dayFirst = `dd${separator}MM${separator}${year}`;
  const monthFirst = `MM${separator}dd${separator}${year}`;
  const hint = first > 12 ? `it looks like "${dayFirst}"` : second > 12 ? `it looks like "${monthFirst}"` : `"${dayFirst}" or "${monthFirst}"`;
  return `ambiguous date ${quoteValue(text)}: day and month could be either way round; set the date format (${option}): ${hint}`;
}

/** How an error message names the option that sets a date format (the CLI flag, or the API option). */
export interface DateFormatHint {
  readonly option: string;
}

/**
 * Reads a date as exports write it. Without a `dateFormat`, only unambiguous forms are read (see above); a date
 * with the day and month as bare numbers (`03/04/2026`) is never guessed: the problem names the option to set.
 * With a `dateFormat` (a date-fns `parse` pattern, e.g. `dd.MM.yyyy` or `MM/dd/yyyy HH:mm`), values in that form are
 * read (as UTC unless the pattern holds an offset token), and the unambiguous forms still are. Years must fall in
 * 1900–2200: outside that a date is a typo.
 *
 * @example
 * readDate("2026-03-04 14:22:01 -0500"); //=> { date: 2026-03-04T19:22:01.000Z }
 * readDate("04.03.2026", "dd.MM.yyyy"); //=> { date: 2026-03-04T00:00:00.000Z }
 * "problem" in readDate("03/04/2026"); //=> true (ambiguous: set dateFormat)
 */
export function readDate(text: string, dateFormat?: string, hint: DateFormatHint = { option: "the dateFormat option" }): DateReading {
  const trimmed = text.trim();
  let date = readUnambiguous(trimmed);
  if (date === undefined && dateFormat !== undefined) {
    const parsed = parse(trimmed, dateFormat, REFERENCE_DATE, { in: utc });
    if (isValid(parsed)) date = new Date(parsed.getTime());
  }
  if (date === undefined) {
    if (dateFormat !== undefined) return { problem: `expected a date in the form "${dateFormat}" (or ISO), got ${quoteValue(trimmed)}` };
    const numeric = NUMERIC_DAY_MONTH.exec(trimmed);
    if (numeric !== null) return { problem: ambiguity(trimmed, numeric, hint.option) };
    return { problem: `${EXPECTED}, got ${quoteValue(trimmed)}` };
  }
  const year = date.getUTCFullYear();
  if (year < 1900 || year > 2200) return { problem: `expected a date between the years 1900 and 2200, got ${quoteValue(trimmed)}` };
  return { date };
}
