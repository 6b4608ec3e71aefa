import { DomainError, EARLIEST_DAY, isDayInRange, LATEST_DAY } from '@app/common';

/** A figure's period: whole county days (UTC+8), `from` and `to` both included. */
export interface MonitoringPeriod {
  from: string;
  to: string;
  /** The first instant of `from` and the first instant after `to`. */
  start: Date;
  end: Date;
  days: string[];
}

export const DEFAULT_PERIOD_DAYS = 30;
export const MAX_PERIOD_DAYS = 366;
const DAY_MS = 86_400_000;
const OFFSET_MS = 8 * 3_600_000;

/** The county date (YYYY-MM-DD) of an instant. */
export function countyDay(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

function parseDay(field: 'from' | 'to', value: string): number {
  if (!isDayInRange(value)) {
    throw DomainError.invalid('MONITORING.BAD_DATE', `${field}: must be a date as YYYY-MM-DD from ${EARLIEST_DAY} to ${LATEST_DAY}, got "${value}"`);
  }
  return Date.parse(`${value}T00:00:00Z`);
}

/** Validates from/to; by default the last 30 days up to today. */
export function parsePeriod(from: string | undefined, to: string | undefined, now = new Date()): MonitoringPeriod {
  const fromGiven = from !== undefined ? parseDay('from', from) : undefined;
  const toMidnight = to !== undefined ? parseDay('to', to) : Date.parse(`${countyDay(now)}T00:00:00Z`);
  const fromMidnight = fromGiven ?? toMidnight - (DEFAULT_PERIOD_DAYS - 1) * DAY_MS;
  if (fromMidnight > toMidnight) throw DomainError.invalid('MONITORING.BAD_PERIOD', 'from: must not be after to');
  if (from === undefined && fromMidnight < Date.parse(`${EARLIEST_DAY}T00:00:00Z`)) {
    throw DomainError.invalid('MONITORING.BAD_DATE', `to: the period would start before ${EARLIEST_DAY}; give from as well`);
  }
  const count = Math.round((toMidnight - fromMidnight) / DAY_MS) + 1;
  if (count > MAX_PERIOD_DAYS) {
    throw DomainError.invalid('MONITORING.PERIOD_TOO_LONG', `to: the period may span at most ${MAX_PERIOD_DAYS} days, got ${count}`);
  }
  const days = Array.from({ length: count }, (_, i) => new Date(fromMidnight + i * DAY_MS).toISOString().slice(0, 10));
  return {
    from: days[0],
    to: days[days.length - 1],
    start: new Date(fromMidnight - OFFSET_MS),
    end: new Date(toMidnight + DAY_MS - OFFSET_MS),
    days,
  };
}
