import { DomainError } from '@app/common';

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
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** The county date (YYYY-MM-DD) of an instant. */
export function countyDay(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

function parseDay(field: 'from' | 'to', value: string): number {
  const midnight = Date.parse(`${value}T00:00:00Z`);
  if (!DATE_PATTERN.test(value) || Number.isNaN(midnight) || new Date(midnight).toISOString().slice(0, 10) !== value) {
    throw DomainError.invalid('MONITORING.BAD_DATE', `${field}: must be a date as YYYY-MM-DD, got "${value}"`);
  }
  return midnight;
}

/** Validates from/to; by default the last 30 days up to today. */
export function parsePeriod(from: string | undefined, to: string | undefined, now = new Date()): MonitoringPeriod {
  const toMidnight = to !== undefined ? parseDay('to', to) : Date.parse(`${countyDay(now)}T00:00:00Z`);
  const fromMidnight = from !== undefined ? parseDay('from', from) : toMidnight - (DEFAULT_PERIOD_DAYS - 1) * DAY_MS;
  if (fromMidnight > toMidnight) throw DomainError.invalid('MONITORING.BAD_PERIOD', 'from: must not be after to');
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
