import { EntityManager } from 'typeorm';
import { Figures, GridFigures } from './figures.response';
import { MonitoringPeriod } from './monitoring-period';

/** What a figure is about; `codes` are the grids for grid and leader scopes. */
export type FigureScope =
  | { kind: 'grid'; code: string; codes: readonly string[] }
  | { kind: 'leader'; code: string; codes: readonly string[] }
  | { kind: 'street'; code: string }
  | { kind: 'department'; code: string };

/**
 * Bucket bounds of the resolution-time histogram, in working minutes (420 = one working day): the
 * resolve_h0..9 buckets of mon_daily_figures (migration MonitoringDailyFigures1764400200000).
 */
export const HISTOGRAM_BOUNDS = [0, 60, 120, 240, 420, 840, 1260, 2100, 2940, 4200] as const;

/**
 * The scope's condition on a mon_* table (`rows`) and on mon_daily_figures (`daily`), both
 * aliased `t`, with their one parameter.
 */
function scopeWhere(scope: FigureScope): { rows: string; daily: string; param: unknown } {
  switch (scope.kind) {
    case 'grid':
    case 'leader':
      return { rows: 't.grid_code = ANY($1::varchar[])', daily: `t.scope_kind = 'grid' AND t.scope_code = ANY($1::varchar[])`, param: [...scope.codes] };
    case 'street':
      return { rows: 't.street_code = $1', daily: `t.scope_kind = 'grid' AND t.street_code = $1`, param: scope.code };
    case 'department':
      return { rows: 't.department_code = $1', daily: `t.scope_kind = 'department' AND t.scope_code = $1`, param: scope.code };
  }
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

type Row = Record<string, unknown>;

/** One scope's figures, and with `perGrid` those of each of its grids, from one pass per query. */
interface GroupedRows {
  /** Sums of mon_daily_figures over the period. */
  sums: Map<string | null, Row>;
  /** From the requests (assignments for a department): resolution times, overdue. */
  items: Map<string | null, Row>;
  /** From the assignments: claim times, claims awaited past their deadline. */
  claims: Map<string | null, Row>;
  /** The scope's daily series, by day. */
  daily: Map<string, { filed: number; resolved: number }>;
}

/** The key of a row: its grid when grouped by grid, null for the whole scope. */
const keyOf = (row: Row): string | null => (Number(row.g ?? 1) === 1 ? null : (row.grid as string));

function byKey(rows: Row[]): Map<string | null, Row> {
  return new Map(rows.map((row) => [keyOf(row), row]));
}

/**
 * Three queries side by side on the pool. The additive figures (counts, rates, buckets, the daily
 * series) are sums of the scope's mon_daily_figures rows, a row per grid (or department) and day;
 * the medians and what depends on the clock (overdue, claims awaited past their deadline) come
 * from the scope's mon_* rows of the period, index-only.
 */
async function readRows(manager: EntityManager, scope: FigureScope, period: MonitoringPeriod, now: Date, perGrid: boolean): Promise<GroupedRows> {
  const where = scopeWhere(scope);
  const dailyWhere = `${where.daily} AND t.day >= $2::date AND t.day <= $3::date`;
  const dailyParams = [where.param, period.from, period.to];
  const params = [where.param, period.start, period.end, now];
  const byDepartment = scope.kind === 'department';
  // Grid and leader scopes only: the grids' rows and the scope's row in one pass.
  const groupKey = (column: string): string => (perGrid ? `grouping(${column}) AS g, ${column} AS grid,` : '');
  const groupBy = (column: string): string => (perGrid ? `GROUP BY GROUPING SETS ((${column}), ())` : '');
  const claimColumns = `percentile_disc(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY t.claim_working_minutes) AS claim_time,
              count(*) FILTER (WHERE t.claimed_at IS NULL AND t.claim_due_at < $4)::int AS claims_late`;
  const itemsSql = byDepartment
    ? `SELECT percentile_disc(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY t.resolve_working_minutes) AS resolve_time,
              count(*) FILTER (WHERE t.status IN ('unclaimed', 'claimed') AND t.due_at < $4)::int AS overdue,
              ${claimColumns}
         FROM mon_assignments t WHERE ${where.rows} AND t.created_at >= $2 AND t.created_at < $3`
    : `SELECT ${groupKey('t.grid_code')}
              percentile_disc(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY t.resolve_working_minutes) AS resolve_time,
              count(*) FILTER (WHERE t.status IN ('open', 'in_progress') AND t.due_at < $4)::int AS overdue
         FROM mon_requests t WHERE ${where.rows} AND t.filed_at >= $2 AND t.filed_at < $3 ${groupBy('t.grid_code')}`;
  // A department's claims are in its items' row; the other scopes' come from their assignments.
  const claimsSql = byDepartment
    ? null
    : `SELECT ${groupKey('t.grid_code')} ${claimColumns}
         FROM mon_assignments t WHERE ${where.rows} AND t.created_at >= $2 AND t.created_at < $3 ${groupBy('t.grid_code')}`;
  // One pass over the scope's daily rows: the period's sums (per grid with perGrid, and in all)
  // and the scope's daily series; a leader's grids each have their series at their grid endpoint.
  const sumsSql = `SELECT ${perGrid ? 'grouping(t.scope_code)' : '1'} AS g, ${perGrid ? 't.scope_code' : 'NULL'} AS grid,
              grouping(t.day) AS by_day, t.day::text AS day,
              sum(t.items)::int AS filed, sum(t.open)::int AS open, sum(t.resolved)::int AS resolved,
              sum(t.reopened)::int AS reopened, sum(t.resolved_on_time)::int AS on_time,
              sum(t.with_feedback)::int AS with_feedback, sum(t.citizen_resolved)::int AS citizen_resolved,
              sum(t.citizen_satisfied)::int AS citizen_satisfied,
              sum(t.claimed)::int AS claimed, sum(t.claimed_on_time)::int AS claimed_on_time,
              ${HISTOGRAM_BOUNDS.map((_, i) => `sum(t.resolve_h${i})::int AS h${i}`).join(', ')},
              sum(t.resolved_on_day)::int AS resolved_on_day
         FROM mon_daily_figures t WHERE ${dailyWhere}
        GROUP BY GROUPING SETS (${perGrid ? '(t.scope_code), ' : ''}(), (t.day))`;

  const [sums, items, claims] = await Promise.all([
    manager.query(sumsSql, dailyParams) as Promise<Row[]>,
    manager.query(itemsSql, params) as Promise<Row[]>,
    claimsSql ? (manager.query(claimsSql, params) as Promise<Row[]>) : Promise.resolve(null),
  ]);
  // grouping(day) is 0 on the rows of one day.
  const days = sums.filter((row) => Number(row.by_day) === 0);
  return {
    sums: byKey(sums.filter((row) => Number(row.by_day) === 1)),
    items: byKey(items),
    claims: byKey(claims ?? items),
    daily: new Map(days.map((row) => [row.day as string, { filed: Number(row.filed), resolved: Number(row.resolved_on_day) }])),
  };
}

/** The i-th of a percentile_disc array of working minutes (null without values). */
const percentile = (values: unknown, i: number): number | null => (Array.isArray(values) && values[i] !== null ? Number(values[i]) : null);

function toGridFigures(rows: GroupedRows, key: string | null, scope: { kind: FigureScope['kind']; code: string }, period: MonitoringPeriod): GridFigures {
  const sums = rows.sums.get(key) ?? {};
  const items = rows.items.get(key) ?? {};
  const claims = rows.claims.get(key) ?? {};
  const n = (key: string): number => Number(sums[key] ?? 0);
  return {
    scope: { kind: scope.kind, code: scope.code },
    period: { from: period.from, to: period.to },
    counts: { filed: n('filed'), open: n('open'), resolved: n('resolved'), overdue: Number(items.overdue ?? 0), reopened: n('reopened') },
    rates: {
      // Judged: the claims made, and those still awaited past their deadline.
      response: ratio(n('claimed_on_time'), n('claimed') + Number(claims.claims_late ?? 0)),
      resolution: ratio(n('citizen_resolved'), n('with_feedback')),
      satisfaction: ratio(n('citizen_satisfied'), n('with_feedback')),
    },
    claimTime: { medianMinutes: percentile(claims.claim_time, 0), p90Minutes: percentile(claims.claim_time, 1) },
    resolveTime: { medianMinutes: percentile(items.resolve_time, 0), p90Minutes: percentile(items.resolve_time, 1) },
    onTimeShare: ratio(n('on_time'), n('resolved')),
    resolveTimeHistogram: HISTOGRAM_BOUNDS.map((from, i) => ({ fromMinutes: from, toMinutes: HISTOGRAM_BOUNDS[i + 1] ?? null, count: n(`h${i}`) })),
  };
}

/** The whole scope's figures, with its daily series. */
function toFigures(rows: GroupedRows, scope: { kind: FigureScope['kind']; code: string }, period: MonitoringPeriod): Figures {
  const daily = period.days.map((day) => ({ day, filed: rows.daily.get(day)?.filed ?? 0, resolved: rows.daily.get(day)?.resolved ?? 0 }));
  return { ...toGridFigures(rows, null, scope, period), daily };
}

/**
 * The figures of one scope over one period, from the read models only. Requests (grid, street,
 * leader) are counted by the day they were filed, assignments (department, and the claim figures
 * of every scope) by the day they were created, and a department's citizen verdicts by the day
 * their request first reached it; the daily series counts resolutions on the day they happened.
 */
export async function readFigures(manager: EntityManager, scope: FigureScope, period: MonitoringPeriod, now = new Date()): Promise<Figures> {
  return toFigures(await readRows(manager, scope, period, now, false), scope, period);
}

/**
 * A leader's figures: those of each of their grids (in the order of `scope.codes`, without the
 * daily series) and those of all of them, the same as readFigures on each grid and on the whole
 * scope, from one pass per query (GROUPING SETS ((grid), ())).
 */
export async function readGridFigures(
  manager: EntityManager,
  scope: FigureScope & { kind: 'grid' | 'leader' },
  period: MonitoringPeriod,
  now = new Date(),
): Promise<{ grids: GridFigures[]; total: Figures }> {
  const rows = await readRows(manager, scope, period, now, true);
  return {
    grids: scope.codes.map((code) => toGridFigures(rows, code, { kind: 'grid', code }, period)),
    total: toFigures(rows, scope, period),
  };
}
