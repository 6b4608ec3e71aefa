import { DomainError, toOffsetIso, toOffsetIsoOrNull } from '@app/common';
import { EntityManager } from 'typeorm';
import { DEFAULT_DEADLINES, DeadlineSettings } from '../domain/deadlines';
import { CalendarResponse } from './calendar.dto';
import { CategoryDeadlinesResponse } from './category-deadlines.dto';

/** How the calendar and the category deadlines are read, by their handlers and by the deadline clock. */

/** The county's offset as every time in the API shows it, e.g. "+08:00". */
const UTC_OFFSET = toOffsetIso(new Date(0)).slice(-6);

/** A date[] column as YYYY-MM-DD strings in order: the driver would turn dates into local-midnight Dates. */
export const DATES = (column: string): string => `ARRAY(SELECT to_char(d, 'YYYY-MM-DD') FROM unnest(${column}) AS d ORDER BY d)`;

export const CALENDAR_COLUMNS = `periods, ${DATES('holidays')} AS holidays, ${DATES('make_up_workdays')} AS make_up_workdays,
  version, updated_at, updated_by`;

export interface CalendarRow {
  periods: { start: string; end: string }[];
  holidays: string[];
  make_up_workdays: string[];
  version: number;
  updated_at: Date;
  updated_by: string | null;
}

export function toCalendarResponse(row: CalendarRow): CalendarResponse {
  return {
    periods: row.periods.map(({ start, end }) => ({ start, end })),
    holidays: row.holidays,
    makeUpWorkdays: row.make_up_workdays,
    utcOffset: UTC_OFFSET,
    version: row.version,
    updatedAt: toOffsetIso(row.updated_at),
    updatedBy: row.updated_by,
  };
}

/** The calendar; with `lock`, its row stays locked until the caller's transaction ends (a change in hand). */
export async function readCalendar(manager: EntityManager, options: { lock?: boolean } = {}): Promise<CalendarRow> {
  const [row] = (await manager.query(`SELECT ${CALENDAR_COLUMNS} FROM working_calendar${options.lock ? ' FOR NO KEY UPDATE' : ''}`)) as CalendarRow[];
  return row;
}

/** The deadline columns of category_deadlines and the settings field each one holds. */
export const DEADLINE_COLUMNS: ReadonlyArray<[keyof DeadlineSettings, string]> = [
  ['claimWorkingHours', 'claim_working_hours'],
  ['gridResolveWorkingDays', 'grid_resolve_working_days'],
  ['jointResolveWorkingDays', 'joint_resolve_working_days'],
  ['emergencyClockHours', 'emergency_clock_hours'],
  ['leadersAfterWorkingHours', 'leaders_after_working_hours'],
];

/** A row's settings with the defaults where a column is null (or the row is missing). */
export function withDefaults(row: Record<string, unknown> | undefined): { settings: DeadlineSettings; defaults: string[] } {
  const settings = { ...DEFAULT_DEADLINES };
  const defaults: string[] = [];
  for (const [field, column] of DEADLINE_COLUMNS) {
    const value = row?.[column];
    if (typeof value === 'number') settings[field] = value;
    else defaults.push(field);
  }
  return { settings, defaults };
}

export async function readCategoryDeadlines(manager: EntityManager, categoryCode: string): Promise<CategoryDeadlinesResponse> {
  const [category] = (await manager.query(
    `SELECT ${DEADLINE_COLUMNS.map(([, column]) => `d.${column}`).join(', ')}, d.updated_at
       FROM categories c LEFT JOIN category_deadlines d ON d.category_code = c.code WHERE c.code = $1`,
    [categoryCode],
  )) as Record<string, unknown>[];
  if (!category) throw DomainError.notFound('CALENDAR.UNKNOWN_CATEGORY', `no category has code ${categoryCode}`);
  const { settings, defaults } = withDefaults(category);
  return { categoryCode, ...settings, defaults, updatedAt: toOffsetIsoOrNull(category.updated_at as Date | null) };
}
