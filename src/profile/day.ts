/** Milliseconds in a UTC day. Day arithmetic is done on UTC day numbers, never in local time (DST would shift it). */
export const MS_PER_DAY = 86_400_000;

/**
 * The UTC calendar day of an instant, as whole days since 1970-01-01.
 *
 * @example
 * toDay(new Date("2024-03-10T23:30:00Z")); //=> 19792
 */
export function toDay(date: Date): number {
  return Math.floor(date.getTime() / MS_PER_DAY);
}

/**
 * The ISO calendar date (`YYYY-MM-DD`) of a UTC day number.
 *
 * @example
 * dayToIso(19792); //=> "2024-03-10"
 */
export function dayToIso(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
