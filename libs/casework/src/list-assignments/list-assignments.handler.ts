import { DomainError } from '@app/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { AssignmentEntity } from '../database/assignment.entity';
import { RequestEntity } from '../database/request.entity';
import { toQueueItem } from '../request.mapper';
import { AssignmentPage } from '../request.responses';
import { ListAssignmentsQuery } from './list-assignments.query';

/** A department's queue, oldest first: what waits longest is claimed first. */
@QueryHandler(ListAssignmentsQuery)
export class ListAssignmentsHandler implements IQueryHandler<ListAssignmentsQuery> {
  constructor(private readonly dataSource: DataSource) {}

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
    if (department) query.andWhere('a.department_code = :department', { department });
    if (filters.status) query.andWhere('a.status = :status', { status: filters.status });
    const [rows, total] = await query
      .orderBy('a.createdAt', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return {
      items: rows.map((a) => toQueueItem(a, (a as AssignmentEntity & { request: RequestEntity }).request)),
      page,
      pageSize,
      total,
    };
  }
}
