const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The UTC midnight of a calendar day, or undefined for a day that does not exist (Date.UTC would roll 2024-02-30
 * over to March 1st; that is an input error instead).
 *
 * @example
 * utcCalendarDay(2024, 2, 29)?.toISOString(); //=> "2024-02-29T00:00:00.000Z"
 * utcCalendarDay(2023, 2, 29); //=> undefined
 */
export function utcCalendarDay(year: number, month: number, day: number): Date | undefined {
  if (year < 0 || month < 1 || month > 12 || day < 1) return undefined;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (day > (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number))) return undefined;
  if (year >= 100) return new Date(Date.UTC(year, month - 1, day));
  // Date.UTC reads years 0–99 as 1900–1999; set the year itself so "0099-01-01" is year 99 (and rejected as a typo).
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date;
}

/**
 * The number written by the decimal digits text[from..to), or −1 if any of them is not a digit.
 *
 * @example
 * digitsAt("2026-03-04", 5, 7); //=> 3
 */
export function digitsAt(text: string, from: number, to: number): number {
  let value = 0;
  for (let index = from; index < to; index += 1) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}
