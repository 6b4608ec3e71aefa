import { addWorkingMinutes, DeadlineClock } from '@app/casework';
import { toOffsetIso } from '@app/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { OverdueItem, OverdueList } from './figures.response';
import { ListOverdueQuery } from './list-overdue.query';
import { overdueGrids } from './monitoring-access';

/** "Near" is the next two working hours on the admin calendar. */
export const NEAR_WORKING_MINUTES = 120;

interface OverdueRow {
  kind: 'request' | 'assignment';
  request_id: string;
  assignment_id: string | null;
  tracking_no: string;
  title: string;
  grid_code: string;
  department_code: string | null;
  deadline: 'claim' | 'resolve';
  due_at: Date;
  status: string;
  urgency: string;
}

/**
 * Open requests past or near their resolve deadline, unclaimed assignments past or near their
 * claim deadline and claimed ones near their resolve deadline; most urgent (earliest due) first.
 * Each branch walks its partial index by due date and stops at the limit.
 */
@QueryHandler(ListOverdueQuery)
export class ListOverdueHandler implements IQueryHandler<ListOverdueQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: DeadlineClock,
  ) {}

  async execute({ actor, gridCode, limit }: ListOverdueQuery): Promise<OverdueList> {
    const grids = overdueGrids(actor, gridCode);
    const now = new Date();
    const { calendar } = await this.clock.settingsFor(this.dataSource.manager, '');
    const nearUntil = addWorkingMinutes(now, NEAR_WORKING_MINUTES, calendar);
    const gridFilter = (alias: string): string => (grids ? `AND ${alias}.grid_code = ANY($3::varchar[])` : '');
    const params: unknown[] = [nearUntil, limit, ...(grids ? [[...grids]] : [])];
    const rows = (await this.dataSource.query(
      `(SELECT 'request' AS kind, r.request_id, NULL::uuid AS assignment_id, r.tracking_no, r.title, r.grid_code,
               NULL AS department_code, 'resolve' AS deadline, r.due_at, r.status, r.urgency
          FROM mon_requests r
         WHERE r.status IN ('open', 'in_progress') AND r.due_at <= $1 ${gridFilter('r')}
         ORDER BY r.due_at LIMIT $2)
       UNION ALL
       (SELECT 'assignment', a.request_id, a.assignment_id, r.tracking_no, r.title, a.grid_code,
               a.department_code, 'claim', a.claim_due_at, a.status, r.urgency
          FROM mon_assignments a JOIN mon_requests r ON r.request_id = a.request_id
         WHERE a.status = 'unclaimed' AND a.claim_due_at <= $1 ${gridFilter('a')}
         ORDER BY a.claim_due_at LIMIT $2)
       UNION ALL
       (SELECT 'assignment', a.request_id, a.assignment_id, r.tracking_no, r.title, a.grid_code,
               a.department_code, 'resolve', a.due_at, a.status, r.urgency
          FROM mon_assignments a JOIN mon_requests r ON r.request_id = a.request_id
         WHERE a.status IN ('unclaimed', 'claimed') AND a.status = 'claimed' AND a.due_at <= $1 ${gridFilter('a')}
         ORDER BY a.due_at LIMIT $2)
       ORDER BY due_at, kind DESC, tracking_no LIMIT $2`,
      params,
    )) as OverdueRow[];
    return {
      now: toOffsetIso(now),
      nearUntil: toOffsetIso(nearUntil),
      items: rows.map<OverdueItem>((r) => ({
        kind: r.kind,
        requestId: r.request_id,
        assignmentId: r.assignment_id,
        trackingNo: r.tracking_no,
        title: r.title,
        gridCode: r.grid_code,
        departmentCode: r.department_code,
        deadline: r.deadline,
        dueAt: toOffsetIso(r.due_at),
        overdue: r.due_at.getTime() < now.getTime(),
        status: r.status,
        urgency: r.urgency,
      })),
    };
  }
}
