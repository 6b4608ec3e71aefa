/**
 * The working calendar of the demo county: office hours, and the public holidays and make-up
 * working days (调休) of the State Council's schedule (国务院办公厅关于节假日安排的通知).
 * 2026 is the published schedule. 2027 is not published yet: it follows the usual pattern
 * (the festivals on their 2027 dates, the long breaks with their make-up weekends) and is
 * PROVISIONAL: replace it with the published one (PUT /api/v1/calendar) when it comes out.
 */
export const DEMO_OFFICE_HOURS = [
  { start: '09:00', end: '12:00' },
  { start: '13:30', end: '17:30' },
];

const span = (from: string, days: number): string[] =>
  Array.from({ length: days }, (_, i) => new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10));

/** Days off, weekends within the breaks included (they are off anyway). */
export const DEMO_HOLIDAYS = [
  // 2026 (published)
  ...span('2026-01-01', 3), // 元旦
  ...span('2026-02-15', 9), // 春节
  ...span('2026-04-04', 3), // 清明节
  ...span('2026-05-01', 5), // 劳动节
  ...span('2026-06-19', 3), // 端午节
  ...span('2026-09-25', 3), // 中秋节
  ...span('2026-10-01', 7), // 国庆节
  // 2027 (provisional)
  ...span('2027-01-01', 3), // 元旦
  ...span('2027-02-05', 8), // 春节 (除夕 2027-02-05)
  ...span('2027-04-03', 3), // 清明节
  ...span('2027-05-01', 5), // 劳动节
  ...span('2027-06-09', 1), // 端午节
  ...span('2027-09-15', 1), // 中秋节
  ...span('2027-10-01', 7), // 国庆节
];

/** Weekend days worked (调休). */
export const DEMO_MAKE_UP_WORKDAYS = [
  // 2026 (published)
  '2026-01-04',
  '2026-02-14',
  '2026-02-28',
  '2026-05-09',
  '2026-09-20',
  '2026-10-10',
  // 2027 (provisional)
  '2027-02-20',
  '2027-05-08',
  '2027-09-26',
  '2027-10-09',
];
