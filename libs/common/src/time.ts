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
