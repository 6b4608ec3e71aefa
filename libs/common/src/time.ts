/** The county's fixed UTC offset (China keeps no daylight saving time). */
export const COUNTY_UTC_OFFSET_MINUTES = 8 * 60;

/** ISO 8601 with an explicit offset, e.g. 2026-11-27T09:30:00.000+08:00. */
export function toOffsetIso(date: Date, offsetMinutes = COUNTY_UTC_OFFSET_MINUTES): string {
  const shifted = new Date(date.getTime() + offsetMinutes * 60_000);
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${shifted.toISOString().slice(0, -1)}${sign}${hh}:${mm}`;
}

export function toOffsetIsoOrNull(date: Date | null | undefined): string | null {
  return date ? toOffsetIso(date) : null;
}

/**
 * The days the service takes in (YYYY-MM-DD): PostgreSQL has no year 0 (1 BC comes before 1 AD)
 * where JavaScript has one, so days near year 1 fail in SQL; the range keeps well clear of it.
 */
export const EARLIEST_DAY = '1970-01-01';
export const LATEST_DAY = '9999-12-31';
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real day from EARLIEST_DAY to LATEST_DAY: the pattern alone lets 2026-02-30 through. */
export function isDayInRange(value: string): boolean {
  if (!DAY_PATTERN.test(value) || value < EARLIEST_DAY || value > LATEST_DAY) return false;
  const midnight = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(midnight) && new Date(midnight).toISOString().slice(0, 10) === value;
}
