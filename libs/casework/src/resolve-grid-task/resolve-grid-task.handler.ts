import { DomainError, worksInGrid } from '@app/common';
import { UnitOfWork } from '@app/persistence';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { lockRequest } from '../database/request-locks';
import { RequestEntity } from '../database/request.entity';
import { EVENT_TYPES } from '../domain/event-types';
import { assertRequestTransition } from '../domain/lifecycle';
import { toRequestResponse } from '../request.mapper';
import { RequestResponse } from '../request.responses';
import { handlingPhotos } from '../media/handling-photos';
import { RequestTimeline } from '../timeline/request-timeline';
import { ResolveGridTaskCommand } from './resolve-grid-task.command';

/** 小事一网解决: the grid team settles a grid-route request itself. */
@CommandHandler(ResolveGridTaskCommand)
export class ResolveGridTaskHandler implements ICommandHandler<ResolveGridTaskCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly timeline: RequestTimeline,
  ) {}

  async execute({ actor, requestId, note, mediaIds }: ResolveGridTaskCommand): Promise<RequestResponse> {
    return this.unitOfWork.run(async (manager) => {
      const request = await lockRequest(manager, requestId);
      if (!worksInGrid(actor, request.gridCode)) {
        throw DomainError.forbidden('CASEWORK.GRID_SCOPE', `you do not work in grid ${request.gridCode}`);
      }
      if (request.route !== 'grid') {
        throw DomainError.conflict('CASEWORK.NOT_A_GRID_TASK', 'cannot resolve: this is a joint case; its departments resolve their assignments');
      }
      assertRequestTransition(request.status, 'resolved', 'resolve');
      const photos = await handlingPhotos(manager, request.id, mediaIds);
      const now = new Date();
      const from = request.status;
      Object.assign(request, { status: 'resolved', resolvedAt: now, resolutionNote: note, updatedAt: now });
      await manager.getRepository(RequestEntity).update(request.id, { status: 'resolved', resolvedAt: now, resolutionNote: note });
      const [last] = await this.timeline.append(
        manager,
        request,
        [{ type: EVENT_TYPES.requestResolved, actor: actor.username, payload: { status: 'resolved', from, note, ...(photos.length ? { mediaIds: photos } : {}) } }],
        now,
      );
      request.lastSequence = last.sequence;
      return toRequestResponse(request, []);
    });
  }
}
