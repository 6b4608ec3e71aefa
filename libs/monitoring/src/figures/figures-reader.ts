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

/** County day of a timestamptz column. */
const dayOf = (column: string): string => `to_char(${column} AT TIME ZONE 'UTC' + interval '8 hours', 'YYYY-MM-DD')`;

const histogramColumns = (column: string): string =>
  HISTOGRAM_BOUNDS.map((from, i) => {
    const to = HISTOGRAM_BOUNDS[i + 1];
    const cond = to === undefined ? `${column} >= ${from}` : `${column} >= ${from} AND ${column} < ${to}`;
    return `count(*) FILTER (WHERE ${cond})::int AS h${i}`;
  }).join(',\n');

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

/**
 * The figures of one scope over one period, from the read models only. Requests (grid, street,
 * leader) are counted by the day they were filed, assignments (department, and the claim figures
 * of every scope) by the day they were created; the daily series counts resolutions on the day they
 * happened.
 */
export async function readFigures(manager: EntityManager, scope: FigureScope, period: MonitoringPeriod, now = new Date()): Promise<Figures> {
  const where = scopeWhere(scope);
  const params = [where.param, period.start, period.end, now];
  const byDepartment = scope.kind === 'department';
  const itemTable = byDepartment ? 'mon_assignments' : 'mon_requests';
  const filedColumn = byDepartment ? 't.created_at' : 't.filed_at';
  const openStatuses = byDepartment ? `('unclaimed', 'claimed')` : `('open', 'in_progress')`;
  const feedbackJoin = byDepartment ? 'LEFT JOIN mon_requests r ON r.request_id = t.request_id' : '';
  const fb = byDepartment ? 'r' : 't';
  const distinct = byDepartment ? 'DISTINCT t.request_id' : '*';

  const [main] = (await manager.query(
    `SELECT count(*)::int AS filed,
            count(*) FILTER (WHERE t.status IN ${openStatuses})::int AS open,
            count(*) FILTER (WHERE t.resolved_at IS NOT NULL)::int AS resolved,
            count(*) FILTER (WHERE t.status IN ${openStatuses} AND t.due_at < $4)::int AS overdue,
            count(*) FILTER (WHERE t.reopen_count > 0)::int AS reopened,
            count(${distinct}) FILTER (WHERE ${fb}.citizen_resolved IS NOT NULL)::int AS with_feedback,
            count(${distinct}) FILTER (WHERE ${fb}.citizen_resolved)::int AS citizen_resolved,
            count(${distinct}) FILTER (WHERE ${fb}.citizen_satisfied)::int AS citizen_satisfied,
            count(*) FILTER (WHERE t.resolved_on_time)::int AS on_time,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY t.resolve_working_minutes) AS resolve_median,
            percentile_cont(0.9) WITHIN GROUP (ORDER BY t.resolve_working_minutes) AS resolve_p90,
            ${histogramColumns('t.resolve_working_minutes')}
       FROM ${itemTable} t ${feedbackJoin}
      WHERE ${where.sql} AND ${filedColumn} >= $2 AND ${filedColumn} < $3`,
    params,
  )) as Row[];

  const [claims] = (await manager.query(
    `SELECT count(*) FILTER (WHERE t.claimed_at IS NOT NULL OR t.claim_due_at < $4)::int AS judged,
            count(*) FILTER (WHERE t.claimed_on_time)::int AS on_time,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY t.claim_working_minutes) AS claim_median,
            percentile_cont(0.9) WITHIN GROUP (ORDER BY t.claim_working_minutes) AS claim_p90
       FROM mon_assignments t
      WHERE ${where.sql} AND t.created_at >= $2 AND t.created_at < $3`,
    params,
  )) as Row[];

  const filedDaily = (await manager.query(
    `SELECT ${dayOf(filedColumn)} AS day, count(*)::int AS n FROM ${itemTable} t
      WHERE ${where.sql} AND ${filedColumn} >= $2 AND ${filedColumn} < $3 GROUP BY 1`,
    params.slice(0, 3),
  )) as { day: string; n: number }[];
  const resolvedDaily = (await manager.query(
    `SELECT ${dayOf('t.resolved_at')} AS day, count(*)::int AS n FROM ${itemTable} t
      WHERE ${where.sql} AND t.resolved_at IS NOT NULL AND t.resolved_at >= $2 AND t.resolved_at < $3 GROUP BY 1`,
    params.slice(0, 3),
  )) as { day: string; n: number }[];
  const filedBy = new Map(filedDaily.map((d) => [d.day, d.n]));
  const resolvedBy = new Map(resolvedDaily.map((d) => [d.day, d.n]));

  const n = (key: string): number => Number(main[key] ?? 0);
  return {
    scope: { kind: scope.kind, code: scope.code },
    period: { from: period.from, to: period.to },
    counts: { filed: n('filed'), open: n('open'), resolved: n('resolved'), overdue: n('overdue'), reopened: n('reopened') },
    rates: {
      response: ratio(Number(claims.on_time), Number(claims.judged)),
      resolution: ratio(n('citizen_resolved'), n('with_feedback')),
      satisfaction: ratio(n('citizen_satisfied'), n('with_feedback')),
    },
    claimTime: { medianMinutes: minutes(claims.claim_median), p90Minutes: minutes(claims.claim_p90) },
    resolveTime: { medianMinutes: minutes(main.resolve_median), p90Minutes: minutes(main.resolve_p90) },
    onTimeShare: ratio(n('on_time'), n('resolved')),
    daily: period.days.map((day) => ({ day, filed: filedBy.get(day) ?? 0, resolved: resolvedBy.get(day) ?? 0 })),
    resolveTimeHistogram: HISTOGRAM_BOUNDS.map((from, i) => ({ fromMinutes: from, toMinutes: HISTOGRAM_BOUNDS[i + 1] ?? null, count: n(`h${i}`) })),
  };
}
