import { DomainError, toOffsetIso, toOffsetIsoOrNull } from '@app/common';
import { CategoryEntity, GridEntity } from '@app/reference-data';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { RequestEventEntity } from '../database/request-event.entity';
import { RequestEntity } from '../database/request.entity';
import { maskPersonalNumbers } from '../domain/personal-numbers';
import { publicMilestones } from '../domain/public-milestones';
import { TrackRequestQuery } from './track-request.query';
import { TrackResponse } from './track.response';

const TRACKING_NO = /^\d{8}-[2-9A-HJKMNP-Z]{8}$/;

/** Answers anyone holding the tracking number with only what the citizen may see. */
@QueryHandler(TrackRequestQuery)
export class TrackRequestHandler implements IQueryHandler<TrackRequestQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ trackingNo }: TrackRequestQuery): Promise<TrackResponse> {
    const request = TRACKING_NO.test(trackingNo)
      ? await this.dataSource.getRepository(RequestEntity).findOne({ where: { trackingNo } })
      : null;
    // The same answer for a malformed and an unknown number, which never echoes what was sent.
    if (!request) throw DomainError.notFound('CASEWORK.TRACKING_NOT_FOUND', 'no request has this tracking number');
    const [category, grid, events] = await Promise.all([
      this.dataSource.getRepository(CategoryEntity).findOneOrFail({ where: { code: request.categoryCode } }),
      this.dataSource.getRepository(GridEntity).findOneOrFail({ where: { id: request.gridId } }),
      this.dataSource.getRepository(RequestEventEntity).find({ where: { requestId: request.id }, order: { sequence: 'ASC' } }),
    ]);
    return {
      trackingNo: request.trackingNo,
      status: request.status,
      route: request.route,
      category: { code: category.code, name: category.name },
      grid: { code: grid.code, name: grid.name },
      filedAt: toOffsetIso(request.createdAt),
      dueAt: toOffsetIso(request.dueAt),
      // What staff typed stays stored as typed; the public page masks phone and ID-card numbers.
      answer: request.resolutionNote === null ? null : maskPersonalNumbers(request.resolutionNote),
      resolvedAt: toOffsetIsoOrNull(request.resolvedAt),
      closedAt: toOffsetIsoOrNull(request.closedAt),
      reopenCount: request.reopenCount,
      milestones: publicMilestones(events).map((m) => ({ ...m, occurredAt: toOffsetIso(m.occurredAt) })),
    };
  }
}
