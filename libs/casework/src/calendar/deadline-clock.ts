import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { toWorkingCalendar } from '../domain/calendar-rules';
import { CaseDeadlines, caseDeadlines, DeadlineSettings, leadersDueAfter, WorkingCalendar } from '../domain/deadlines';
import type { Route, Urgency } from '../domain/routing-policy';
import { DATES, DEADLINE_COLUMNS, withDefaults } from './calendar-records';

/** The calendar columns are null when the caller's cached version is current. */
interface ClockRow extends Record<string, unknown> {
  version: number;
  periods: { start: string; end: string }[] | null;
  holidays: string[] | null;
  make_up_workdays: string[] | null;
}

interface CachedCalendar {
  version: number;
  calendar: WorkingCalendar;
}

/**
 * Deadlines on the admin-kept calendar and a category's own settings. Every filing reads them,
 * so the parsed calendar is kept in memory and re-read only when its version changed: one small
 * query per use, in the caller's transaction, sees a PUT from any replica at once.
 */
@Injectable()
export class DeadlineClock {
  private cached: CachedCalendar | null = null;

  /** `categoryCode` null: the calendar with the default deadlines. */
  async settingsFor(manager: EntityManager, categoryCode: string | null): Promise<{ calendar: WorkingCalendar; deadlines: DeadlineSettings }> {
    // Taken before the query: a concurrent call may replace the cache meanwhile.
    const known = this.cached;
    const [row] = (await manager.query(
      `SELECT c.version,
              CASE WHEN c.version <> $2 THEN c.periods END AS periods,
              CASE WHEN c.version <> $2 THEN ${DATES('c.holidays')} END AS holidays,
              CASE WHEN c.version <> $2 THEN ${DATES('c.make_up_workdays')} END AS make_up_workdays,
              ${DEADLINE_COLUMNS.map(([, column]) => `d.${column}`).join(', ')}
         FROM working_calendar c LEFT JOIN category_deadlines d ON d.category_code = $1`,
      [categoryCode, known?.version ?? 0],
    )) as ClockRow[];
    const deadlines = withDefaults(row).settings;
    if (known && row.periods === null) return { calendar: known.calendar, deadlines };
    const calendar = toWorkingCalendar({ periods: row.periods ?? [], holidays: row.holidays ?? [], makeUpWorkdays: row.make_up_workdays ?? [] });
    this.cached = { version: row.version, calendar };
    return { calendar, deadlines };
  }

  /** The working calendar alone, for the working time left that queues show. */
  async calendar(manager: EntityManager): Promise<WorkingCalendar> {
    return (await this.settingsFor(manager, null)).calendar;
  }

  async caseDeadlines(manager: EntityManager, categoryCode: string, filedAt: Date, route: Route, urgency: Urgency): Promise<CaseDeadlines> {
    const { calendar, deadlines } = await this.settingsFor(manager, categoryCode);
    return caseDeadlines(filedAt, route, urgency, calendar, deadlines);
  }

  async leadersDueAfter(manager: EntityManager, categoryCode: string, remindedAt: Date): Promise<Date> {
    const { calendar, deadlines } = await this.settingsFor(manager, categoryCode);
    return leadersDueAfter(remindedAt, deadlines, calendar);
  }
}
