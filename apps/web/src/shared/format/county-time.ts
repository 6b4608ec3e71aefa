/** The county's time zone: every time is shown in UTC+8, whatever zone the browser is set to. */
export const COUNTY_TIME_ZONE = 'Asia/Shanghai';

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: COUNTY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function pieces(value: string | Date): Record<string, string> | null {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return null;
  return Object.fromEntries(parts.formatToParts(date).map((p) => [p.type, p.value]));
}

/** `2026-12-02 17:30` in the county's time. */
export function countyDateTime(value: string | Date): string {
  const p = pieces(value);
  return p ? `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}` : '';
}

/** `12-02 17:30`: for lists, where the year is clear. */
export function countyShortDateTime(value: string | Date): string {
  const p = pieces(value);
  return p ? `${p.month}-${p.day} ${p.hour}:${p.minute}` : '';
}

/** `2026-12-02`: the county's calendar day. */
export function countyDate(value: string | Date): string {
  const p = pieces(value);
  return p ? `${p.year}-${p.month}-${p.day}` : '';
}
