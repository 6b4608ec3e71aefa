import { AuditLog } from '@app/audit';
import { DomainError } from '@app/common';
import { UnitOfWork } from '@app/persistence';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AssignmentEntity } from '../database/assignment.entity';
import { RequestEventEntity } from '../database/request-event.entity';
import { RequestEntity } from '../database/request.entity';
import { canSeeRequest } from '../domain/visibility';
import { DeadlineClock } from '../calendar/deadline-clock';
import { MediaEntity } from '../database/media.entity';
import { toMediaResponse } from '../media/media.response';
import { reporterContactOf, toRequestListItem, toTimelineEntry } from '../request.mapper';
import { RequestDetail } from '../request.responses';
import { findWhistles, summonedDepartments, toWhistleResponse } from '../whistle/whistle-records';
import { GetRequestQuery } from './get-request.query';

/**
 * A request's detail with its timeline, for those who may open it. It is the one answer that
 * carries the reporter's contact to someone other than the filer, so the read is recorded in the
 * audit log in the same transaction: no contact details leave without their entry.
 */
@QueryHandler(GetRequestQuery)
export class GetRequestHandler implements IQueryHandler<GetRequestQuery> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditLog,
    private readonly deadlineClock: DeadlineClock,
  ) {}

  async execute({ actor, requestId }: GetRequestQuery): Promise<RequestDetail> {
    return this.unitOfWork.run(async (manager) => {
      const request = await manager.getRepository(RequestEntity).findOne({ where: { id: requestId } });
      if (!request) throw DomainError.notFound('CASEWORK.REQUEST_NOT_FOUND', `no request has id ${requestId}`);
      const assignments = await manager
        .getRepository(AssignmentEntity)
        .find({ where: { requestId }, order: { role: 'DESC', departmentCode: 'ASC' } });
      const whistles = await findWhistles(manager, requestId);
      if (!canSeeRequest(actor, request.gridCode, [...assignments.map((a) => a.departmentCode), ...summonedDepartments(whistles)])) {
        throw DomainError.forbidden('CASEWORK.REQUEST_SCOPE', 'this request is outside your grids or department');
      }
      const timeline = await manager.getRepository(RequestEventEntity).find({ where: { requestId }, order: { sequence: 'ASC' } });
      const reporter = reporterContactOf(request);
      if (reporter) {
        await this.audit.record(manager, {
          actor,
          action: 'request.contact_read',
          target: { type: 'request', id: request.id },
          details: { trackingNo: request.trackingNo, gridCode: request.gridCode },
        });
      }
      const media = await manager.getRepository(MediaEntity).find({ where: { requestId }, order: { createdAt: 'ASC', id: 'ASC' } });
      const calendar = await this.deadlineClock.calendar(manager);
      const now = new Date();
      return {
        ...toRequestListItem(request, assignments, now, calendar),
        ...(timeline.length ? { timeline: timeline.map(toTimelineEntry) } : { timeline: [] }),
        whistles: whistles.map((w) => toWhistleResponse(w, now)),
        media: media.map(toMediaResponse),
        reporter,
      };
    });
  }
}
