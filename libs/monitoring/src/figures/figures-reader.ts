import { EntityManager } from 'typeorm';
import { Figures } from './figures.response';
import { MonitoringPeriod } from './monitoring-period';

/** What a figure is about; `codes` are the grids for grid and leader scopes. */
export type FigureScope =
  | { kind: 'grid'; code: string; codes: readonly string[] }
  | { kind: 'leader'; code: string; codes: readonly string[] }
  | { kind: 'street'; code: string }
  | { kind: 'department'; code: string };

/** Bucket bounds of the resolution-time histogram, in working minutes (420 = one working day). */
export const HISTOGRAM_BOUNDS = [0, 60, 120, 240, 420, 840, 1260, 2100, 2940, 4200] as const;

/**
 * The first instant of the county day (UTC+8) of a timestamptz column: plain arithmetic per row
 * (no time-zone lookup), grouped by this and formatted once per group by `dayLabel`.
 */
const dayOf = (column: string): string => `date_bin(interval '1 day', ${column}, timestamptz '2000-01-01 16:00:00+00')`;
const dayLabel = (day: string): string => `to_char((${day} AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM-DD')`;

/**
 * The histogram as counts at or above each bound (one comparison per bucket and row); a bucket's
 * count is the difference of two neighbours, taken in `toFigures`.
 */
const histogramColumns = (column: string): string =>
  HISTOGRAM_BOUNDS.map((from, i) => `count(*) FILTER (WHERE ${column} >= ${from})::int AS h${i}`).join(',\n');

/** The scope's condition on a mon_* table aliased `t`, with its one parameter. */
function scopeWhere(scope: FigureScope): { sql: string; param: unknown } {
  switch (scope.kind) {
    case 'grid':
    case 'leader':
      return { sql: 't.grid_code = ANY($1::varchar[])', param: [...scope.codes] };
    case 'street':
      return { sql: 't.street_code = $1', param: scope.code };
    case 'department':
      return { sql: 't.department_code = $1', param: scope.code };
  }
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
const minutes = (value: unknown): number | null => (value === null || value === undefined ? null : Math.round(Number(value) * 100) / 100);

type Row = Record<string, unknown>;
type DayRow = { grid: string | null; day: string; n: number };

/** One scope's figures, and with `perGrid` those of each of its grids, from one pass per query. */
interface GroupedRows {
  main: Map<string | null, Row>;
  claims: Map<string | null, Row>;
  filedDaily: Map<string | null, Map<string, number>>;
  resolvedDaily: Map<string | null, Map<string, number>>;
}

/** The key of a row: its grid when grouped by grid, null for the whole scope. */
const keyOf = (row: Row): string | null => (Number(row.g ?? 1) === 1 ? null : (row.grid as string));

function byKey(rows: Row[]): Map<string | null, Row> {
  return new Map(rows.map((row) => [keyOf(row), row]));
}

/** Day counts per grid (with `perGrid`) and of the whole scope (key null), summed from the grids'. */
function dailyByKey(rows: DayRow[], perGrid: boolean): Map<string | null, Map<string, number>> {
  const out = new Map<string | null, Map<string, number>>([[null, new Map()]]);
  const add = (key: string | null, day: string, n: number): void => {
    let days = out.get(key);
    if (!days) out.set(key, (days = new Map()));
    days.set(day, (days.get(day) ?? 0) + n);
  };
  for (const row of rows) {
    add(null, row.day, Number(row.n));
    if (perGrid) add(row.grid, row.day, Number(row.n));
  }
  return out;
}

async function readRows(manager: EntityManager, scope: FigureScope, period: MonitoringPeriod, now: Date, perGrid: boolean): Promise<GroupedRows> {
  const where = scopeWhere(scope);
  const params = [where.param, period.start, period.end, now];
  const byDepartment = scope.kind === 'department';
  const itemTable = byDepartment ? 'mon_assignments' : 'mon_requests';
  const filedColumn = byDepartment ? 't.created_at' : 't.filed_at';
  const openStatuses = byDepartment ? `('unclaimed', 'claimed')` : `('open', 'in_progress')`;
  // Grid and leader scopes only: the grids' rows and the scope's row in one pass.
  const groupKey = perGrid ? 'grouping(t.grid_code) AS g, t.grid_code AS grid,' : '';
  const groupBy = perGrid ? 'GROUP BY GROUPING SETS ((t.grid_code), ())' : '';
  // The daily series per grid only (one hash on grid and day): the scope's days are summed here.
  const dayKey = perGrid ? 't.grid_code AS grid' : 'NULL AS grid';
  const dayGroupBy = (day: string): string => `GROUP BY ${perGrid ? 't.grid_code, ' : ''}${day}`;
  const filedDay = dayOf(filedColumn);
  const resolvedDay = dayOf('t.resolved_at');
  const itemWhere = `${where.sql} AND ${filedColumn} >= $2 AND ${filedColumn} < $3`;

  const counts = `count(*)::int AS filed,
              count(*) FILTER (WHERE t.status IN ${openStatuses})::int AS open,
              count(*) FILTER (WHERE t.resolved_at IS NOT NULL)::int AS resolved,
              count(*) FILTER (WHERE t.status IN ${openStatuses} AND t.due_at < $4)::int AS overdue,
              count(*) FILTER (WHERE t.reopen_count > 0)::int AS reopened,
              count(*) FILTER (WHERE t.resolved_on_time)::int AS on_time,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY t.resolve_working_minutes) AS resolve_median,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY t.resolve_working_minutes) AS resolve_p90,
              ${histogramColumns('t.resolve_working_minutes')}`;
  // A request carries its citizen's verdict; a department's is that of the distinct requests behind
  // its assignments (a semi-join on the request key, not a join per assignment).
  const mainSql = byDepartment
    ? `SELECT m.*, fb.*
         FROM (SELECT ${counts} FROM mon_assignments t WHERE ${itemWhere}) m
        CROSS JOIN (SELECT count(*) FILTER (WHERE r.citizen_resolved IS NOT NULL)::int AS with_feedback,
                           count(*) FILTER (WHERE r.citizen_resolved)::int AS citizen_resolved,
                           count(*) FILTER (WHERE r.citizen_satisfied)::int AS citizen_satisfied
                      FROM mon_requests r
                     WHERE r.request_id IN (SELECT t.request_id FROM mon_assignments t WHERE ${itemWhere})) fb`
    : `SELECT ${groupKey} ${counts},
              count(*) FILTER (WHERE t.citizen_resolved IS NOT NULL)::int AS with_feedback,
              count(*) FILTER (WHERE t.citizen_resolved)::int AS citizen_resolved,
              count(*) FILTER (WHERE t.citizen_satisfied)::int AS citizen_satisfied
         FROM mon_requests t WHERE ${itemWhere} ${groupBy}`;

  const [main, claims, filedDaily, resolvedDaily] = await Promise.all([
    manager.query(mainSql, params) as Promise<Row[]>,
    manager.query(
      `SELECT ${groupKey}
              count(*) FILTER (WHERE t.claimed_at IS NOT NULL OR t.claim_due_at < $4)::int AS judged,
              count(*) FILTER (WHERE t.claimed_on_time)::int AS on_time,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY t.claim_working_minutes) AS claim_median,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY t.claim_working_minutes) AS claim_p90
         FROM mon_assignments t
        WHERE ${where.sql} AND t.created_at >= $2 AND t.created_at < $3
        ${groupBy}`,
      params,
    ) as Promise<Row[]>,
    manager.query(
      `SELECT ${dayKey}, ${dayLabel(filedDay)} AS day, count(*)::int AS n FROM ${itemTable} t
        WHERE ${itemWhere} ${dayGroupBy(filedDay)}`,
      params.slice(0, 3),
    ) as Promise<DayRow[]>,
    manager.query(
      `SELECT ${dayKey}, ${dayLabel(resolvedDay)} AS day, count(*)::int AS n FROM ${itemTable} t
        WHERE ${where.sql} AND t.resolved_at IS NOT NULL AND t.resolved_at >= $2 AND t.resolved_at < $3 ${dayGroupBy(resolvedDay)}`,
      params.slice(0, 3),
    ) as Promise<DayRow[]>,
  ]);
  return { main: byKey(main), claims: byKey(claims), filedDaily: dailyByKey(filedDaily, perGrid), resolvedDaily: dailyByKey(resolvedDaily, perGrid) };
}

function toFigures(rows: GroupedRows, key: string | null, scope: { kind: FigureScope['kind']; code: string }, period: MonitoringPeriod): Figures {
  const main = rows.main.get(key) ?? {};
  const claims = rows.claims.get(key) ?? {};
  const filedBy = rows.filedDaily.get(key) ?? new Map<string, number>();
  const resolvedBy = rows.resolvedDaily.get(key) ?? new Map<string, number>();
  const n = (key: string): number => Number(main[key] ?? 0);
  return {
    scope: { kind: scope.kind, code: scope.code },
    period: { from: period.from, to: period.to },
    counts: { filed: n('filed'), open: n('open'), resolved: n('resolved'), overdue: n('overdue'), reopened: n('reopened') },
    rates: {
      response: ratio(Number(claims.on_time ?? 0), Number(claims.judged ?? 0)),
      resolution: ratio(n('citizen_resolved'), n('with_feedback')),
      satisfaction: ratio(n('citizen_satisfied'), n('with_feedback')),
    },
    claimTime: { medianMinutes: minutes(claims.claim_median), p90Minutes: minutes(claims.claim_p90) },
    resolveTime: { medianMinutes: minutes(main.resolve_median), p90Minutes: minutes(main.resolve_p90) },
    onTimeShare: ratio(n('on_time'), n('resolved')),
    daily: period.days.map((day) => ({ day, filed: filedBy.get(day) ?? 0, resolved: resolvedBy.get(day) ?? 0 })),
    resolveTimeHistogram: HISTOGRAM_BOUNDS.map((from, i) => ({
      fromMinutes: from,
      toMinutes: HISTOGRAM_BOUNDS[i + 1] ?? null,
      count: n(`h${i}`) - (i + 1 < HISTOGRAM_BOUNDS.length ? n(`h${i + 1}`) : 0),
    })),
  };
}

/**
 * The figures of one scope over one period, from the read models only. Requests (grid, street,
 * leader) are counted by the day they were filed, assignments (department, and the claim figures
 * of every scope) by the day they were created; the daily series counts resolutions on the day they
 * happened. The four queries run side by side on the pool.
 */
export async function readFigures(manager: EntityManager, scope: FigureScope, period: MonitoringPeriod, now = new Date()): Promise<Figures> {
  return toFigures(await readRows(manager, scope, period, now, false), null, scope, period);
}

/**
 * A leader's figures: those of each of their grids (in the order of `scope.codes`) and those of all
 * of them, the same as readFigures on each grid and on the whole scope, from one pass per query
 * (GROUPING SETS ((grid), ())).
 */
export async function readGridFigures(
  manager: EntityManager,
  scope: FigureScope & { kind: 'grid' | 'leader' },
  period: MonitoringPeriod,
  now = new Date(),
): Promise<{ grids: Figures[]; total: Figures }> {
  const rows = await readRows(manager, scope, period, now, true);
  return {
    grids: scope.codes.map((code) => toFigures(rows, code, { kind: 'grid', code }, period)),
    total: toFigures(rows, null, scope, period),
  };
}
