import { COUNTY_UTC_OFFSET_MINUTES, DomainError, EARLIEST_DAY, isDayInRange, LATEST_DAY } from '@app/common';
import { WorkingCalendar, workingMinutesPerDay } from './deadlines';

/** The calendar as admins write and read it: dates as YYYY-MM-DD, times of day as HH:MM (county time). */
export interface CalendarSettings {
  periods: ReadonlyArray<{ start: string; end: string }>;
  holidays: readonly string[];
  makeUpWorkdays: readonly string[];
}

export const MIN_WORKING_MINUTES_PER_DAY = 60;
/** How many holidays and make-up working days a calendar may list. */
export const MAX_LISTED_DATES = 1000;

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** 24:00 is allowed as an end: a period may run to midnight. */
export const TIME_OF_DAY_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

export function timeOfDay(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function checkDates(field: string, dates: readonly string[]): void {
  const seen = new Set<string>();
  for (const [i, date] of dates.entries()) {
    if (!isDayInRange(date)) {
      throw DomainError.invalid('CALENDAR.BAD_DATE', `${field}[${i}]: "${date}" is not a date (YYYY-MM-DD) from ${EARLIEST_DAY} to ${LATEST_DAY}`);
    }
    if (seen.has(date)) throw DomainError.invalid('CALENDAR.REPEATED_DATE', `${field}[${i}]: ${date} is listed twice`);
    seen.add(date);
  }
}

/**
 * Checks what an admin saves and turns it into the calendar the arithmetic uses. Every refusal
 * names the field at fault: periods must be ordered and must not overlap, dates must be real,
 * and one date cannot be both a holiday and a make-up working day.
 */
export function toWorkingCalendar(settings: CalendarSettings): WorkingCalendar {
  if (settings.periods.length === 0) throw DomainError.invalid('CALENDAR.NO_PERIODS', 'periods: a working day needs at least one period');
  const periods = settings.periods.map((period, i) => {
    for (const key of ['start', 'end'] as const) {
      if (!TIME_OF_DAY_PATTERN.test(period[key])) {
        throw DomainError.invalid('CALENDAR.BAD_TIME', `periods[${i}].${key}: "${period[key]}" is not a time of day (HH:MM)`);
      }
    }
    const start = minutesOf(period.start);
    const end = minutesOf(period.end);
    if (start >= end) throw DomainError.invalid('CALENDAR.EMPTY_PERIOD', `periods[${i}]: start ${period.start} must be before end ${period.end}`);
    return { start, end };
  });
  for (let i = 1; i < periods.length; i++) {
    if (periods[i].start < periods[i - 1].end) {
      throw DomainError.invalid(
        'CALENDAR.PERIODS_OVERLAP',
        `periods[${i}]: starts at ${settings.periods[i].start}, before periods[${i - 1}] ends at ${settings.periods[i - 1].end}; periods must be in order and must not overlap`,
      );
    }
  }
  // The thinnest working day that keeps every deadline the settings allow (LONGEST_DEADLINE) within
  // the ten years the deadline arithmetic looks ahead, even with every holiday a calendar can list.
  const minutes = workingMinutesPerDay({ offsetMinutes: 0, periods, holidays: new Set(), makeUpWorkdays: new Set() });
  if (minutes < MIN_WORKING_MINUTES_PER_DAY) {
    throw DomainError.invalid(
      'CALENDAR.SHORT_DAY',
      `periods: a working day must hold at least ${MIN_WORKING_MINUTES_PER_DAY} working minutes, these hold ${minutes}`,
    );
  }
  checkDates('holidays', settings.holidays);
  checkDates('makeUpWorkdays', settings.makeUpWorkdays);
  const holidays = new Set(settings.holidays);
  const both = settings.makeUpWorkdays.findIndex((date) => holidays.has(date));
  if (both >= 0) {
    throw DomainError.invalid(
      'CALENDAR.HOLIDAY_AND_WORKDAY',
      `makeUpWorkdays[${both}]: ${settings.makeUpWorkdays[both]} is also in holidays; a date is either a holiday or a make-up working day`,
    );
  }
  return {
    offsetMinutes: COUNTY_UTC_OFFSET_MINUTES,
    periods,
    holidays,
    makeUpWorkdays: new Set(settings.makeUpWorkdays),
  };
}
