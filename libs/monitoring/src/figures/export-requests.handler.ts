import { DomainError, toOffsetIso } from '@app/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { csvLine } from './csv';
import { ExportRequestsQuery, RequestsExport } from './export-requests.query';
import { FigureScope } from './figures-reader';
import { departmentScope, gridScope, leaderScope, streetScope } from './monitoring-access';
import { MonitoringPeriod, parsePeriod } from './monitoring-period';

export const EXPORT_HEADER = [
  'tracking_no',
  'grid_code',
  'category_code',
  'route',
  'status',
  'filed_at',
  'due_at',
  'resolved_at',
  'overdue',
  'reopen_count',
  'resolve_working_minutes',
  'citizen_resolved',
  'citizen_satisfied',
] as const;

const BATCH = 5_000;

interface ExportRow {
  request_id: string;
  tracking_no: string;
  grid_code: string;
  category_code: string;
  route: string;
  status: string;
  filed_at: Date;
  due_at: Date;
  resolved_at: Date | null;
  reopen_count: number;
  resolve_working_minutes: number | null;
  citizen_resolved: boolean | null;
  citizen_satisfied: boolean | null;
}

/**
 * The requests behind a figure as CSV, with the figure's scope checks and filters: requests
 * filed in the period, in filing order (for a department, requests with an assignment of it
 * created in the period, in the order they reached it).
 * No title, description or reporter: nothing personal leaves in a report.
 */
@QueryHandler(ExportRequestsQuery)
export class ExportRequestsHandler implements IQueryHandler<ExportRequestsQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ actor, scope: kind, code, from, to }: ExportRequestsQuery): Promise<RequestsExport> {
    const period = parsePeriod(from, to);
    const manager = this.dataSource.manager;
    if (kind !== 'me' && code === undefined) throw DomainError.invalid('MONITORING.NO_CODE', `code: required for scope ${kind}`);
    const target = code as string;
    const scope: FigureScope =
      kind === 'grid'
        ? await gridScope(manager, actor, target)
        : kind === 'street'
          ? await streetScope(manager, actor, target)
          : kind === 'department'
            ? await departmentScope(manager, actor, target)
            : leaderScope(actor);
    return { filename: `requests-${scope.kind}-${scope.code}-${period.from}-${period.to}.csv`, chunks: this.rows(scope, period) };
  }

  private async *rows(scope: FigureScope, period: MonitoringPeriod): AsyncIterable<string> {
    yield csvLine([...EXPORT_HEADER]);
    const now = new Date();
    const { from, where, param, pageKey } = filterOf(scope);
    // A request reaching a department twice in the period is listed once.
    const listed = new Set<string>();
    let after: [Date, string] = [new Date(0), '00000000-0000-0000-0000-000000000000'];
    for (;;) {
      const page = (await this.dataSource.query(
        `SELECT ${pageKey[0]} AS page_at, ${pageKey[1]} AS page_id,
                t.request_id, t.tracking_no, t.grid_code, t.category_code, t.route, t.status, t.filed_at, t.due_at,
                t.resolved_at, t.reopen_count, t.resolve_working_minutes, t.citizen_resolved, t.citizen_satisfied
           FROM ${from}
          WHERE ${where} AND (${pageKey[0]}, ${pageKey[1]}) > ($4, $5::uuid)
          ORDER BY ${pageKey[0]}, ${pageKey[1]} LIMIT ${BATCH}`,
        [param, period.start, period.end, after[0], after[1]],
      )) as (ExportRow & { page_at: Date; page_id: string })[];
      const rows = page.filter((r) => {
        if (listed.has(r.request_id)) return false;
        listed.add(r.request_id);
        return true;
      });
      if (rows.length > 0) {
        yield rows
          .map((r) =>
            csvLine([
              r.tracking_no,
              r.grid_code,
              r.category_code,
              r.route,
              r.status,
              toOffsetIso(r.filed_at),
              toOffsetIso(r.due_at),
              r.resolved_at ? toOffsetIso(r.resolved_at) : null,
              (r.status === 'open' || r.status === 'in_progress') && r.due_at.getTime() < now.getTime(),
              r.reopen_count,
              r.resolve_working_minutes,
              r.citizen_resolved,
              r.citizen_satisfied,
            ]),
          )
          .join('');
      }
      if (page.length < BATCH) return;
      const last = page[page.length - 1];
      after = [last.page_at, last.page_id];
    }
  }
}

/**
 * The figure's rows and filter ($1 the scope, $2 and $3 the period's bounds), with the key they
 * are paged by: requests by filing (grid, street, leader), or the department's assignments
 * created in the period by creation, each with its request `t`.
 */
function filterOf(scope: FigureScope): { from: string; where: string; param: unknown; pageKey: [string, string] } {
  const byFiling = { from: 'mon_requests t', pageKey: ['t.filed_at', 't.request_id'] as [string, string] };
  switch (scope.kind) {
    case 'grid':
    case 'leader':
      return { ...byFiling, where: 't.grid_code = ANY($1::varchar[]) AND t.filed_at >= $2 AND t.filed_at < $3', param: [...scope.codes] };
    case 'street':
      return { ...byFiling, where: 't.street_code = $1 AND t.filed_at >= $2 AND t.filed_at < $3', param: scope.code };
    case 'department':
      return {
        from: 'mon_assignments a JOIN mon_requests t ON t.request_id = a.request_id',
        where: 'a.department_code = $1 AND a.created_at >= $2 AND a.created_at < $3',
        param: scope.code,
        pageKey: ['a.created_at', 'a.assignment_id'],
      };
  }
}
