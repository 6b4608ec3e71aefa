/**
 * Working time as people read it: 剩余 3 小时 20 分, 已超时 1 天. The server counts working minutes
 * on the county's calendar; a working day of the default calendar (09:00–12:00, 13:30–17:30) holds
 * 7 working hours, so 420 working minutes read as one day.
 */
export const WORKING_MINUTES_PER_DAY = 420;

export interface WorkingTimeParts {
  overdue: boolean;
  days: number;
  hours: number;
  minutes: number;
}

export function workingTimeParts(workingMinutesLeft: number, minutesPerDay = WORKING_MINUTES_PER_DAY): WorkingTimeParts {
  const overdue = workingMinutesLeft < 0;
  let rest = Math.floor(Math.abs(workingMinutesLeft));
  const days = Math.floor(rest / minutesPerDay);
  rest -= days * minutesPerDay;
  const hours = Math.floor(rest / 60);
  return { overdue, days, hours, minutes: rest - hours * 60 };
}

type Translate = (key: string, values?: Record<string, unknown>) => string;

/**
 * The time left (or past) in words, through the i18n keys time.*: at most two units, the larger
 * ones (days and hours, or hours and minutes).
 */
export function formatWorkingTimeLeft(workingMinutesLeft: number, t: Translate, minutesPerDay = WORKING_MINUTES_PER_DAY): string {
  const { overdue, days, hours, minutes } = workingTimeParts(workingMinutesLeft, minutesPerDay);
  const units: string[] = [];
  if (days > 0) {
    units.push(t('time.days', { n: days }));
    if (hours > 0) units.push(t('time.hours', { n: hours }));
  } else if (hours > 0) {
    units.push(t('time.hours', { n: hours }));
    if (minutes > 0) units.push(t('time.minutes', { n: minutes }));
  } else if (minutes > 0) {
    units.push(t('time.minutes', { n: minutes }));
  } else {
    units.push(t('time.lessThanMinute'));
  }
  return t(overdue ? 'time.overdue' : 'time.left', { time: units.join(' ') });
}
