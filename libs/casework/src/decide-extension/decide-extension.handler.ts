import { DomainError, toOffsetIso } from '@app/common';
import { departmentTopic } from '@app/messaging';
import { UnitOfWork } from '@app/persistence';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { IsNull } from 'typeorm';
import { AssignmentExtensionEntity } from '../database/assignment-extension.entity';
import { AssignmentEntity } from '../database/assignment.entity';
import { lockAssignment } from '../database/request-locks';
import { RequestEntity } from '../database/request.entity';
import { EVENT_TYPES } from '../domain/event-types';
import { ExtensionResponse, toExtensionResponse } from '../request-extension/extension.response';
import { RequestTimeline } from '../timeline/request-timeline';
import { DecideExtensionCommand } from './decide-extension.command';

/** The lead department (主办) or an admin approves or refuses a pending extension; an approval moves dueAt. */
@CommandHandler(DecideExtensionCommand)
export class DecideExtensionHandler implements ICommandHandler<DecideExtensionCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly timeline: RequestTimeline,
  ) {}

  async execute({ actor, assignmentId, decision }: DecideExtensionCommand): Promise<ExtensionResponse> {
    return this.unitOfWork.run(async (manager) => {
      const { assignment, request } = await lockAssignment(manager, assignmentId);
      if (actor.role !== 'admin') {
        const lead = await manager.getRepository(AssignmentEntity).findOne({ where: { requestId: request.id, role: 'lead', reroutedTo: IsNull() } });
        // Every joint case has a lead assignment, so a missing one only ever refuses.
        if (!lead || lead.departmentCode !== actor.departmentCode) {
          throw DomainError.forbidden('CASEWORK.NOT_LEAD', `only staff of the lead department ${lead?.departmentCode} or an admin may decide extensions`);
        }
      }
      const extension = await manager.getRepository(AssignmentExtensionEntity).findOne({ where: { assignmentId, status: 'pending' } });
      if (!extension) throw DomainError.conflict('CASEWORK.NO_PENDING_EXTENSION', 'cannot decide: no extension of this assignment is pending');
      if (extension.requestedBy === actor.userId) {
        throw DomainError.forbidden('CASEWORK.OWN_EXTENSION', 'you asked for this extension; someone else must decide it');
      }
      const now = new Date();
      const changes = {
        status: decision.approve ? ('approved' as const) : ('refused' as const),
        decidedByName: actor.username,
        decisionNote: decision.note ?? null,
        decidedAt: now,
      };
      Object.assign(extension, changes);
      await manager.getRepository(AssignmentExtensionEntity).update(extension.id, changes);
      const payload: Record<string, unknown> = {
        extensionId: extension.id,
        assignmentId,
        departmentCode: assignment.departmentCode,
        requestedDueAt: toOffsetIso(extension.requestedDueAt),
        dueAt: toOffsetIso(decision.approve ? extension.requestedDueAt : assignment.dueAt),
        note: extension.decisionNote,
      };
      if (decision.approve) {
        await manager.getRepository(AssignmentEntity).update(assignment.id, { dueAt: extension.requestedDueAt });
        // The case is due when its last part is, so a later part moves the request's dueAt too.
        if (extension.requestedDueAt > request.dueAt) {
          await manager.getRepository(RequestEntity).update(request.id, { dueAt: extension.requestedDueAt });
          payload.requestDueAt = toOffsetIso(extension.requestedDueAt);
        }
      }
      await this.timeline.append(
        manager,
        request,
        [
          {
            type: decision.approve ? EVENT_TYPES.assignmentExtensionApproved : EVENT_TYPES.assignmentExtensionRefused,
            actor: actor.username,
            payload,
            alsoTo: [departmentTopic(assignment.departmentCode)],
          },
        ],
        now,
      );
      return toExtensionResponse(extension);
    });
  }
}
