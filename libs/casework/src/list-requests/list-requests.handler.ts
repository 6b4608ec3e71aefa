import { Actor, DomainError } from '@app/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource, In, SelectQueryBuilder } from 'typeorm';
import { DeadlineClock } from '../calendar/deadline-clock';
import { AssignmentEntity } from '../database/assignment.entity';
import { RequestEntity } from '../database/request.entity';
import { visibleRequestsCondition } from '../database/request-scope';
import { toRequestListItem } from '../request.mapper';
import { RequestPage } from '../request.responses';
import { ListRequestsQuery } from './list-requests.query';

/**
 * Newest first, or by deadline (sort=due), limited to what the caller may open (the same rule as
 * the request's detail). Each item says how much working time is left on the county's calendar.
 */
@QueryHandler(ListRequestsQuery)
export class ListRequestsHandler implements IQueryHandler<ListRequestsQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deadlineClock: DeadlineClock,
  ) {}

  async execute({ actor, filters }: ListRequestsQuery): Promise<RequestPage> {
    const page = filters.page ?? 1;
    const pageSize = filters.pageSize ?? 20;
    const query = this.dataSource.getRepository(RequestEntity).createQueryBuilder('r');
    let scopeParameters = 0;
    query.where(
      visibleRequestsCondition(actor, 'r', (value) => {
        const name = `scope${scopeParameters++}`;
        query.setParameter(name, value);
        return `:${name}`;
      }),
    );
    if (filters.mine) ownWork(query, actor);
    if (filters.gridId) query.andWhere('r.grid_id = :gridId', { gridId: filters.gridId });
    if (filters.gridCode) query.andWhere('r.grid_code = :gridCode', { gridCode: filters.gridCode });
    if (filters.status?.length) query.andWhere('r.status IN (:...statuses)', { statuses: filters.status });
    if (filters.route) query.andWhere('r.route = :route', { route: filters.route });
    if (filters.sort === 'due') {
      // Requests still being worked first, by deadline: the overdue ones lead, as they are due earliest.
      query
        .orderBy(`CASE WHEN r.status IN ('open', 'in_progress') THEN 0 ELSE 1 END`, 'ASC')
        .addOrderBy('r.due_at', 'ASC')
        .addOrderBy('r.id', 'ASC');
    } else {
      query.orderBy('r.created_at', 'DESC').addOrderBy('r.id', 'DESC');
    }
    const [requests, total] = await Promise.all([
      query
        .offset((page - 1) * pageSize)
        .limit(pageSize)
        .getMany(),
      query.getCount(),
    ]);
    const assignments = requests.length
      ? await this.dataSource.getRepository(AssignmentEntity).find({ where: { requestId: In(requests.map((r) => r.id)) } })
      : [];
    const calendar = await this.deadlineClock.calendar(this.dataSource.manager);
    const now = new Date();
    return {
      items: requests.map((r) =>
        toRequestListItem(
          r,
          assignments.filter((a) => a.requestId === r.id),
          now,
          calendar,
        ),
      ),
      page,
      pageSize,
      total,
    };
  }
}

/** mine=true: the caller's own work within what they may see. */
function ownWork(query: SelectQueryBuilder<RequestEntity>, actor: Actor): void {
  switch (actor.role) {
    case 'grid_worker':
    case 'leader':
      query.andWhere('r.grid_code = ANY(:mineGrids::varchar[])', { mineGrids: [...actor.gridCodes] });
      return;
    case 'dept_staff':
      query.andWhere('EXISTS (SELECT 1 FROM assignments mine_a WHERE mine_a.request_id = r.id AND mine_a.department_code = :mineDepartment)', {
        mineDepartment: actor.departmentCode,
      });
      return;
    case 'admin':
      throw DomainError.invalid('CASEWORK.MINE_WITHOUT_SCOPE', 'mine: an admin has no grids or department of their own; leave mine out');
  }
}
