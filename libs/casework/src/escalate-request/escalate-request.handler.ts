import { DomainError, worksInGrid } from '@app/common';
import { UnitOfWork } from '@app/persistence';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { lockRequest } from '../database/request-locks';
import { toRequestResponse } from '../request.mapper';
import { RequestResponse } from '../request.responses';
import { EscalateRequestCommand } from './escalate-request.command';
import { RequestEscalation } from './request-escalation';

/** 吹哨: a grid worker of its grid (or the system, for an overdue one) turns a grid task into a joint case. */
@CommandHandler(EscalateRequestCommand)
export class EscalateRequestHandler implements ICommandHandler<EscalateRequestCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly escalation: RequestEscalation,
  ) {}

  async execute({ actor, requestId, reason }: EscalateRequestCommand): Promise<RequestResponse> {
    return this.unitOfWork.run(async (manager) => {
      const request = await lockRequest(manager, requestId);
      if (actor && !worksInGrid(actor, request.gridCode)) {
        throw DomainError.forbidden('CASEWORK.GRID_SCOPE', `you do not work in grid ${request.gridCode}`);
      }
      const assignments = await this.escalation.escalate(manager, request, actor, reason);
      return toRequestResponse(request, assignments);
    });
  }
}
