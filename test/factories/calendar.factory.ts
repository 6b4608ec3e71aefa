/** Calendars for deadline tests, on the county's local dates (UTC+8). */

const DAY_MS = 86_400_000;
const COUNTY_OFFSET_MS = 8 * 3_600_000;

/** The county's local date `days` after today's, as YYYY-MM-DD. */
export function countyDate(days = 0, from = new Date()): string {
  return new Date(from.getTime() + COUNTY_OFFSET_MS + days * DAY_MS).toISOString().slice(0, 10);
}

/** The office calendar of PRODUCT.md section 3 with no holidays. */
export function officeCalendar(): { periods: { start: string; end: string }[]; holidays: string[]; makeUpWorkdays: string[] } {
  return {
    periods: [
      { start: '09:00', end: '12:00' },
      { start: '13:30', end: '17:30' },
    ],
    holidays: [],
    makeUpWorkdays: [],
  };
}

/**
 * Working days that last all day (00:00 to 24:00), so a deadline is plain clock arithmetic whatever
 * the hour a test runs: the days given by offset from today work (as make-up days, which work even on
 * a weekend), the holidays do not.
 */
export function roundTheClockCalendar(workingDays: number[], holidays: number[] = []): {
  periods: { start: string; end: string }[];
  holidays: string[];
  makeUpWorkdays: string[];
} {
  return {
    periods: [{ start: '00:00', end: '24:00' }],
    holidays: holidays.map((d) => countyDate(d)),
    makeUpWorkdays: workingDays.map((d) => countyDate(d)),
  };
}

export const HOUR_MS = 3_600_000;
