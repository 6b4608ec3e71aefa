import { COUNTY_UTC_OFFSET_MINUTES } from '@app/common';
import type { Route, Urgency } from './routing-policy';

/**
 * Working-time arithmetic on the county's calendar. Pure: the calendar comes in as data
 * (holidays and 调休 make-up working days are kept by admins; the defaults have none).
 */
export interface WorkingCalendar {
  offsetMinutes: number;
  /** Working periods of a working day, in minutes after local midnight, in order. */
  periods: ReadonlyArray<{ start: number; end: number }>;
  /** Local dates (YYYY-MM-DD) off work although on a weekday. */
  holidays: ReadonlySet<string>;
  /** Local dates worked although on a weekend (调休). */
  makeUpWorkdays: ReadonlySet<string>;
}

export const DEFAULT_CALENDAR: WorkingCalendar = {
  offsetMinutes: COUNTY_UTC_OFFSET_MINUTES,
  periods: [
    { start: 9 * 60, end: 12 * 60 },
    { start: 13 * 60 + 30, end: 17 * 60 + 30 },
  ],
  holidays: new Set(),
  makeUpWorkdays: new Set(),
};

const DAY_MS = 86_400_000;

function localDayStart(instant: number, calendar: WorkingCalendar): number {
  const local = instant + calendar.offsetMinutes * 60_000;
  return local - (((local % DAY_MS) + DAY_MS) % DAY_MS) - calendar.offsetMinutes * 60_000;
}

export function isWorkingDay(dayStart: number, calendar: WorkingCalendar): boolean {
  const local = new Date(dayStart + calendar.offsetMinutes * 60_000);
  const key = local.toISOString().slice(0, 10);
  if (calendar.makeUpWorkdays.has(key)) return true;
  if (calendar.holidays.has(key)) return false;
  const weekday = local.getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

export function workingMinutesPerDay(calendar: WorkingCalendar): number {
  return calendar.periods.reduce((sum, p) => sum + (p.end - p.start), 0);
}

/** The instant when `minutes` of working time have passed after `from`. */
export function addWorkingMinutes(from: Date, minutes: number, calendar: WorkingCalendar = DEFAULT_CALENDAR): Date {
  if (minutes < 0) throw new RangeError('minutes must not be negative');
  // Whole milliseconds: fractional settings (1.5 working hours) must not leave sub-millisecond dates.
  let remaining = Math.round(minutes * 60_000);
  let cursor = from.getTime();
  // Bounded: a calendar with no working day in ten years is a configuration error.
  for (let day = 0; day < 3660; day++) {
    const dayStart = localDayStart(cursor, calendar);
    if (isWorkingDay(dayStart, calendar)) {
      for (const period of calendar.periods) {
        const start = Math.max(cursor, dayStart + period.start * 60_000);
        const end = dayStart + period.end * 60_000;
        if (start >= end) continue;
        if (remaining === 0) return new Date(start);
        if (start + remaining <= end) return new Date(start + remaining);
        remaining -= end - start;
        cursor = end;
      }
    }
    cursor = dayStart + DAY_MS;
  }
  throw new RangeError('the calendar has no working time within ten years');
}

/**
 * Working minutes on the calendar between two instants (0 when `to` is not after `from`):
 * the inverse of addWorkingMinutes, for measuring how long something took in office time.
 */
export function workingMinutesBetween(from: Date, to: Date, calendar: WorkingCalendar = DEFAULT_CALENDAR): number {
  const end = to.getTime();
  let cursor = from.getTime();
  if (!(end > cursor)) return 0;
  let total = 0;
  while (cursor < end) {
    const dayStart = localDayStart(cursor, calendar);
    if (isWorkingDay(dayStart, calendar)) {
      for (const period of calendar.periods) {
        const start = Math.max(cursor, dayStart + period.start * 60_000);
        const stop = Math.min(end, dayStart + period.end * 60_000);
        if (stop > start) total += stop - start;
      }
    }
    cursor = dayStart + DAY_MS;
  }
  return total / 60_000;
}

export function addWorkingDays(from: Date, days: number, calendar: WorkingCalendar = DEFAULT_CALENDAR): Date {
  return addWorkingMinutes(from, days * workingMinutesPerDay(calendar), calendar);
}

/**
 * The most working time a deadline setting or an extension may ask for. A calendar's thinnest
 * working day (MIN_WORKING_MINUTES_PER_DAY) keeps these within addWorkingMinutes' ten-year reach.
 */
export const LONGEST_DEADLINE = { workingHours: 400, workingDays: 365 } as const;

/** How long each step may take; admins set them per category, PRODUCT.md section 3 gives the defaults. */
export interface DeadlineSettings {
  /** A joint assignment must be claimed within this many working hours. */
  claimWorkingHours: number;
  gridResolveWorkingDays: number;
  jointResolveWorkingDays: number;
  /** An emergency (urgency critical) must be resolved within this many hours on the clock. */
  emergencyClockHours: number;
  /** Working hours after a reminder (催办) before a still-overdue assignment goes to the grid's leaders. */
  leadersAfterWorkingHours: number;
}

export const DEFAULT_DEADLINES: Readonly<DeadlineSettings> = {
  claimWorkingHours: 2,
  gridResolveWorkingDays: 3,
  jointResolveWorkingDays: 7,
  emergencyClockHours: 2,
  // One more claim period: the department had as long again to act on the reminder.
  leadersAfterWorkingHours: 2,
};

export interface CaseDeadlines {
  /** When the request must be resolved. */
  resolveBy: Date;
  /** When each joint assignment must be claimed (null on the grid route). */
  claimBy: Date | null;
}

export function caseDeadlines(
  filedAt: Date,
  route: Route,
  urgency: Urgency,
  calendar: WorkingCalendar = DEFAULT_CALENDAR,
  settings: DeadlineSettings = DEFAULT_DEADLINES,
): CaseDeadlines {
  // An emergency runs on the clock, not on office hours.
  const resolveBy =
    urgency === 'critical'
      ? new Date(filedAt.getTime() + Math.round(settings.emergencyClockHours * 3_600_000))
      : addWorkingDays(filedAt, route === 'grid' ? settings.gridResolveWorkingDays : settings.jointResolveWorkingDays, calendar);
  if (route === 'grid') return { resolveBy, claimBy: null };
  const claimBy = addWorkingMinutes(filedAt, settings.claimWorkingHours * 60, calendar);
  return { resolveBy, claimBy: claimBy < resolveBy ? claimBy : resolveBy };
}

/** When a reminded assignment that is still overdue goes to the grid's leaders. */
export function leadersDueAfter(remindedAt: Date, settings: DeadlineSettings, calendar: WorkingCalendar = DEFAULT_CALENDAR): Date {
  return addWorkingMinutes(remindedAt, settings.leadersAfterWorkingHours * 60, calendar);
}
