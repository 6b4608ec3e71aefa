import { DomainError } from '@app/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { AssignmentEntity } from '../database/assignment.entity';
import { RequestEventEntity } from '../database/request-event.entity';
import { RequestEntity } from '../database/request.entity';
import { canSeeRequest } from '../domain/visibility';
import { toRequestResponse } from '../request.mapper';
import { RequestResponse } from '../request.responses';
import { findWhistles, summonedDepartments, toWhistleResponse } from '../whistle/whistle-records';
import { GetRequestQuery } from './get-request.query';

@QueryHandler(GetRequestQuery)
export class GetRequestHandler implements IQueryHandler<GetRequestQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ actor, requestId }: GetRequestQuery): Promise<RequestResponse> {
    const request = await this.dataSource.getRepository(RequestEntity).findOne({ where: { id: requestId } });
    if (!request) throw DomainError.notFound('CASEWORK.REQUEST_NOT_FOUND', `no request has id ${requestId}`);
    const assignments = await this.dataSource
      .getRepository(AssignmentEntity)
      .find({ where: { requestId }, order: { role: 'DESC', departmentCode: 'ASC' } });
    const whistles = await findWhistles(this.dataSource.manager, requestId);
    if (!canSeeRequest(actor, request.gridCode, [...assignments.map((a) => a.departmentCode), ...summonedDepartments(whistles)])) {
      throw DomainError.forbidden('CASEWORK.REQUEST_SCOPE', 'this request is outside your grids or department');
    }
    const timeline = await this.dataSource.getRepository(RequestEventEntity).find({ where: { requestId }, order: { sequence: 'ASC' } });
    const now = new Date();
    return toRequestResponse(
      request,
      assignments,
      timeline,
      whistles.map((w) => toWhistleResponse(w, now)),
    );
  }
}
