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
 * filed in the period (for a department, requests with an assignment of it created in the period).
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
    const { where, param } = filterOf(scope);
    let after: [Date, string] = [new Date(0), '00000000-0000-0000-0000-000000000000'];
    for (;;) {
      const rows = (await this.dataSource.query(
        `SELECT request_id, tracking_no, grid_code, category_code, route, status, filed_at, due_at, resolved_at,
                reopen_count, resolve_working_minutes, citizen_resolved, citizen_satisfied
           FROM mon_requests t
          WHERE ${where} AND t.filed_at >= $2 AND t.filed_at < $3 AND (t.filed_at, t.request_id) > ($4, $5::uuid)
          ORDER BY t.filed_at, t.request_id LIMIT ${BATCH}`,
        [param, period.start, period.end, after[0], after[1]],
      )) as ExportRow[];
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
      if (rows.length < BATCH) return;
      const last = rows[rows.length - 1];
      after = [last.filed_at, last.request_id];
    }
  }
}

function filterOf(scope: FigureScope): { where: string; param: unknown } {
  switch (scope.kind) {
    case 'grid':
    case 'leader':
      return { where: 't.grid_code = ANY($1::varchar[])', param: [...scope.codes] };
    case 'street':
      return { where: 't.street_code = $1', param: scope.code };
    case 'department':
      // Filed in the period rather than assigned in it: one row per request, in filing order.
      return { where: 'EXISTS (SELECT 1 FROM mon_assignments a WHERE a.request_id = t.request_id AND a.department_code = $1)', param: scope.code };
  }
}
