import { DomainError } from '@app/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { AssignmentEntity } from '../database/assignment.entity';
import { RequestEntity } from '../database/request.entity';
import { canSeeRequest } from '../domain/visibility';
import { ListWhistlesQuery } from './list-whistles.query';
import { findWhistles, summonedDepartments, toWhistleResponse } from './whistle-records';
import { WhistleResponse } from './whistle.responses';

@QueryHandler(ListWhistlesQuery)
export class ListWhistlesHandler implements IQueryHandler<ListWhistlesQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ actor, requestId }: ListWhistlesQuery): Promise<WhistleResponse[]> {
    const request = await this.dataSource.getRepository(RequestEntity).findOne({ select: { id: true, gridCode: true }, where: { id: requestId } });
    if (!request) throw DomainError.notFound('CASEWORK.REQUEST_NOT_FOUND', `no request has id ${requestId}`);
    const assignments = await this.dataSource.getRepository(AssignmentEntity).find({ select: { departmentCode: true }, where: { requestId } });
    const records = await findWhistles(this.dataSource.manager, requestId);
    if (!canSeeRequest(actor, request.gridCode, [...assignments.map((a) => a.departmentCode), ...summonedDepartments(records)])) {
      throw DomainError.forbidden('CASEWORK.REQUEST_SCOPE', 'this request is outside your grids or department');
    }
    const now = new Date();
    return records.map((record) => toWhistleResponse(record, now));
  }
}
