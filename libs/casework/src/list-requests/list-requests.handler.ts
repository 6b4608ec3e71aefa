import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource, In } from 'typeorm';
import { AssignmentEntity } from '../database/assignment.entity';
import { RequestEntity } from '../database/request.entity';
import { visibleRequestsCondition } from '../database/request-scope';
import { toRequestResponse } from '../request.mapper';
import { RequestPage } from '../request.responses';
import { ListRequestsQuery } from './list-requests.query';

/** Newest first, limited to what the caller may open (the same rule as the request's detail). */
@QueryHandler(ListRequestsQuery)
export class ListRequestsHandler implements IQueryHandler<ListRequestsQuery> {
  constructor(private readonly dataSource: DataSource) {}

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
    if (filters.gridId) query.andWhere('r.grid_id = :gridId', { gridId: filters.gridId });
    if (filters.gridCode) query.andWhere('r.grid_code = :gridCode', { gridCode: filters.gridCode });
    if (filters.status) query.andWhere('r.status = :status', { status: filters.status });
    if (filters.route) query.andWhere('r.route = :route', { route: filters.route });
    const [requests, total] = await query
      .orderBy('r.createdAt', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    const assignments = requests.length
      ? await this.dataSource.getRepository(AssignmentEntity).find({ where: { requestId: In(requests.map((r) => r.id)) } })
      : [];
    return {
      items: requests.map((r) => toRequestResponse(r, assignments.filter((a) => a.requestId === r.id))),
      page,
      pageSize,
      total,
    };
  }
}
