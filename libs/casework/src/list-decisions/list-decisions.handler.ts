import { toOffsetIso, toOffsetIsoOrNull } from '@app/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { DeadlineClock } from '../calendar/deadline-clock';
import { positional } from '../database/request-scope';
import { workingMinutesBetween } from '../domain/deadlines';
import type { AssignmentRole } from '../domain/lifecycle';
import { ListDecisionsQuery } from './list-decisions.query';
import { DecisionKind, PendingDecisionPage } from './pending-decision.response';

interface DecisionRow {
  kind: DecisionKind;
  assignment_id: string;
  request_id: string;
  tracking_no: string;
  title: string;
  grid_code: string;
  category_code: string;
  department_code: string;
  role: AssignmentRole;
  address: string | null;
  requested_by: string;
  requested_at: Date;
  reason: string;
  due_at: Date;
  request_due_at: Date;
  extension_id: string | null;
  requested_due_at: Date | null;
  total: string;
}

/**
 * What waits for a decision, oldest first: returns (退单) that no admin has rerouted or sent back,
 * and extensions (延期) asked and not yet approved or refused, on requests still being worked.
 * Admins decide both. Staff of a request's lead department (主办) decide its extensions, except
 * their own asks (DecideExtensionHandler), so they see those only.
 */
@QueryHandler(ListDecisionsQuery)
export class ListDecisionsHandler implements IQueryHandler<ListDecisionsQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deadlineClock: DeadlineClock,
  ) {}

  async execute({ actor, page: paging }: ListDecisionsQuery): Promise<PendingDecisionPage> {
    const page = paging.page ?? 1;
    const pageSize = paging.pageSize ?? 20;
    const parameters: unknown[] = [];
    const $ = positional(parameters);
    const returns = `SELECT 'return' AS kind, a.id AS assignment_id, NULL::uuid AS extension_id, a.returned_by_name AS requested_by,
                            a.returned_at AS requested_at, a.return_reason AS reason, NULL::timestamptz AS requested_due_at
                       FROM assignments a WHERE a.status = 'returned' AND a.rerouted_to IS NULL`;
    const extensions = (own: string): string => `SELECT 'extension' AS kind, e.assignment_id, e.id AS extension_id, e.requested_by_name AS requested_by,
                            e.created_at AS requested_at, e.reason, e.requested_due_at
                       FROM assignment_extensions e WHERE e.status = 'pending'${own}`;
    let pending: string;
    if (actor.role === 'admin') {
      pending = `${returns} UNION ALL ${extensions('')}`;
    } else {
      const department = $(actor.departmentCode);
      const ownAsks = ` AND e.requested_by <> ${$(actor.userId)}
         AND EXISTS (SELECT 1 FROM assignments l JOIN assignments x ON x.request_id = l.request_id
                      WHERE x.id = e.assignment_id AND l.role = 'lead' AND l.rerouted_to IS NULL AND l.department_code = ${department})`;
      pending = extensions(ownAsks);
    }
    const rows = (await this.dataSource.query(
      `SELECT d.kind, d.assignment_id, d.extension_id, d.requested_by, d.requested_at, d.reason, d.requested_due_at,
              a.request_id, a.department_code, a.role, a.due_at, r.tracking_no, r.title, r.grid_code, r.category_code,
              r.location->>'address' AS address, r.due_at AS request_due_at, count(*) OVER () AS total
         FROM (${pending}) d
         JOIN assignments a ON a.id = d.assignment_id
         JOIN requests r ON r.id = a.request_id
        WHERE r.status IN ('open', 'in_progress')
        ORDER BY d.requested_at, d.assignment_id
        LIMIT ${$(pageSize)} OFFSET ${$((page - 1) * pageSize)}`,
      parameters,
    )) as DecisionRow[];
    const calendar = await this.deadlineClock.calendar(this.dataSource.manager);
    return {
      items: rows.map((row) => ({
        kind: row.kind,
        assignmentId: row.assignment_id,
        requestId: row.request_id,
        trackingNo: row.tracking_no,
        title: row.title,
        gridCode: row.grid_code,
        categoryCode: row.category_code,
        departmentCode: row.department_code,
        role: row.role,
        address: row.address,
        requestedBy: row.requested_by,
        requestedAt: toOffsetIso(row.requested_at),
        reason: row.reason,
        dueAt: toOffsetIso(row.due_at),
        requestDueAt: toOffsetIso(row.request_due_at),
        extensionId: row.extension_id,
        requestedDueAt: toOffsetIsoOrNull(row.requested_due_at),
        extraWorkingMinutes: row.requested_due_at ? Math.round(workingMinutesBetween(row.due_at, row.requested_due_at, calendar)) : null,
        movesRequestDueAt: row.requested_due_at ? row.requested_due_at.getTime() > row.request_due_at.getTime() : null,
      })),
      page,
      pageSize,
      // A page past the end has no rows to carry the count: then it is counted on its own.
      total: rows.length > 0 ? Number(rows[0].total) : page === 1 ? 0 : await this.count(pending, parameters.slice(0, -2)),
    };
  }

  private async count(pending: string, parameters: unknown[]): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*) AS total FROM (${pending}) d JOIN assignments a ON a.id = d.assignment_id JOIN requests r ON r.id = a.request_id
        WHERE r.status IN ('open', 'in_progress')`,
      parameters,
    )) as { total: string }[];
    return Number(row.total);
  }
}
