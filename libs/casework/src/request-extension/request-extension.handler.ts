import { DomainError, toOffsetIso } from '@app/common';
import { departmentTopic } from '@app/messaging';
import { UnitOfWork } from '@app/persistence';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { IsNull } from 'typeorm';
import { assertOwnDepartment } from '../claim-assignment/department-scope';
import { DeadlineClock } from '../calendar/deadline-clock';
import { AssignmentExtensionEntity } from '../database/assignment-extension.entity';
import { AssignmentEntity } from '../database/assignment.entity';
import { lockAssignment } from '../database/request-locks';
import { EVENT_TYPES } from '../domain/event-types';
import { extendedDueAt } from '../domain/extension';
import { RequestTimeline } from '../timeline/request-timeline';
import { ExtensionResponse, toExtensionResponse } from './extension.response';
import { RequestExtensionCommand } from './request-extension.command';

/** 延期: whoever claimed an assignment asks, before it is due, for a later due time. */
@CommandHandler(RequestExtensionCommand)
export class RequestExtensionHandler implements ICommandHandler<RequestExtensionCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly timeline: RequestTimeline,
    private readonly deadlineClock: DeadlineClock,
  ) {}

  async execute({ actor, assignmentId, input }: RequestExtensionCommand): Promise<ExtensionResponse> {
    return this.unitOfWork.run(async (manager) => {
      const { assignment, request } = await lockAssignment(manager, assignmentId);
      assertOwnDepartment(actor, assignment);
      if (assignment.status !== 'claimed') {
        throw DomainError.conflict('CASEWORK.ASSIGNMENT_STATE', `cannot ask for an extension: the assignment is ${assignment.status}`);
      }
      if (assignment.claimedBy !== actor.userId) {
        throw DomainError.forbidden('CASEWORK.NOT_CLAIMANT', `only ${assignment.claimedByName}, who claimed it, may ask for an extension`);
      }
      const pending = await manager.getRepository(AssignmentExtensionEntity).findOne({ where: { assignmentId, status: 'pending' } });
      if (pending) {
        throw DomainError.conflict(
          'CASEWORK.EXTENSION_PENDING',
          `cannot ask for an extension: the one asked at ${toOffsetIso(pending.createdAt)} is still pending`,
        );
      }
      const now = new Date();
      const { calendar } = await this.deadlineClock.settingsFor(manager, request.categoryCode);
      const ask = {
        requestedDueAt: input.requestedDueAt === undefined ? undefined : new Date(input.requestedDueAt),
        extraWorkingHours: input.extraWorkingHours,
      };
      const requestedDueAt = extendedDueAt(now, assignment.dueAt, ask, calendar);
      const extension = manager.getRepository(AssignmentExtensionEntity).create({
        id: randomUUID(),
        assignmentId,
        status: 'pending',
        previousDueAt: assignment.dueAt,
        requestedDueAt,
        reason: input.reason,
        requestedBy: actor.userId,
        requestedByName: actor.username,
        decidedByName: null,
        decisionNote: null,
        decidedAt: null,
        createdAt: now,
      });
      await manager.getRepository(AssignmentExtensionEntity).insert(extension);
      const lead = await manager.getRepository(AssignmentEntity).findOne({ where: { requestId: request.id, role: 'lead', reroutedTo: IsNull() } });
      await this.timeline.append(
        manager,
        request,
        [
          {
            type: EVENT_TYPES.assignmentExtensionRequested,
            actor: actor.username,
            payload: {
              extensionId: extension.id,
              assignmentId,
              departmentCode: assignment.departmentCode,
              dueAt: toOffsetIso(assignment.dueAt),
              requestedDueAt: toOffsetIso(requestedDueAt),
              reason: input.reason,
            },
            // The lead department decides, so it hears of the ask.
            alsoTo: lead ? [departmentTopic(lead.departmentCode)] : [],
          },
        ],
        now,
      );
      return toExtensionResponse(extension);
    });
  }
}
