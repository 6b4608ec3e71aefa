import { DomainError } from '@app/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { DeadlineClock } from '../calendar/deadline-clock';
import { AssignmentEntity } from '../database/assignment.entity';
import { RequestEntity } from '../database/request.entity';
import { toQueueItem } from '../request.mapper';
import { AssignmentPage } from '../request.responses';
import { ListAssignmentsQuery } from './list-assignments.query';
import { QUEUE_TABS, QueueSort } from './list-assignments.dto';

const SORT_COLUMNS: Record<QueueSort, string> = {
  claimDue: 'a.claim_due_at',
  due: 'a.due_at',
  created: 'a.created_at',
  trackingNo: 'r.tracking_no',
};

/** LIKE's own characters in what a user typed match themselves. */
function likeEscaped(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * A department's queue, oldest first unless sorted otherwise: what waits longest is claimed first.
 * Each item says how much working time is left to claim and to resolve it.
 */
@QueryHandler(ListAssignmentsQuery)
export class ListAssignmentsHandler implements IQueryHandler<ListAssignmentsQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deadlineClock: DeadlineClock,
  ) {}

  async execute({ actor, filters }: ListAssignmentsQuery): Promise<AssignmentPage> {
    const page = filters.page ?? 1;
    const pageSize = filters.pageSize ?? 20;
    let department = filters.department;
    const query = this.dataSource
      .getRepository(AssignmentEntity)
      .createQueryBuilder('a')
      .innerJoinAndMapOne('a.request', RequestEntity, 'r', 'r.id = a.request_id');
    switch (actor.role) {
      case 'dept_staff':
        // Staff without a department (never made by the scope rules) see no queue rather than every queue.
        if (actor.departmentCode === null || (department && department !== actor.departmentCode)) {
          throw DomainError.forbidden('CASEWORK.DEPARTMENT_SCOPE', `department: you may see only the queue of ${actor.departmentCode ?? 'your department'}`);
        }
        department = actor.departmentCode;
        break;
      case 'leader':
        query.andWhere('r.grid_code = ANY(:grids)', { grids: actor.gridCodes });
        break;
      case 'admin':
        break;
      case 'grid_worker':
        throw DomainError.forbidden('AUTH.ROLE', 'role grid_worker may not see department queues');
    }
    const now = new Date();
    if (department) query.andWhere('a.department_code = :department', { department });
    if (filters.status) query.andWhere('a.status = :status', { status: filters.status });
    if (filters.tab) query.andWhere('a.status = :tabStatus', { tabStatus: QUEUE_TABS[filters.tab] });
    if (filters.role) query.andWhere('a.role = :role', { role: filters.role });
    if (filters.overdue !== undefined) {
      // The SQL form of breachOf (domain/overdue.ts), as the items' `overdue` says it.
      const breached = `(a.status IN ('unclaimed', 'claimed') AND (a.due_at <= :now OR (a.status = 'unclaimed' AND a.claim_due_at <= :now)))`;
      query.andWhere(filters.overdue ? breached : `NOT ${breached}`, { now });
    }
    const q = filters.q?.trim();
    if (q) {
      query.andWhere(`(r.tracking_no LIKE :trackingPrefix OR r.title ILIKE :titleWords)`, {
        trackingPrefix: `${likeEscaped(q.toUpperCase())}%`,
        titleWords: `%${likeEscaped(q)}%`,
      });
    }
    const direction = filters.order === 'desc' ? 'DESC' : 'ASC';
    const [rows, total] = await query
      .orderBy(SORT_COLUMNS[filters.sort ?? 'created'], direction)
      .addOrderBy('a.id', direction)
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getManyAndCount();
    const calendar = await this.deadlineClock.calendar(this.dataSource.manager);
    return {
      items: rows.map((a) => toQueueItem(a, (a as AssignmentEntity & { request: RequestEntity }).request, now, calendar)),
      page,
      pageSize,
      total,
    };
  }
}
