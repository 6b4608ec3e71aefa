import { DomainError } from '@app/common';
import { UnitOfWork } from '@app/persistence';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { assertOwnDepartment } from '../claim-assignment/department-scope';
import { AssignmentEntity } from '../database/assignment.entity';
import { lockAssignment } from '../database/request-locks';
import { RequestEntity } from '../database/request.entity';
import { EVENT_TYPES } from '../domain/event-types';
import { assertAssignmentTransition, assertRequestTransition, openAssistingParts } from '../domain/lifecycle';
import { toAssignmentSummary } from '../request.mapper';
import { AssignmentSummary } from '../request.responses';
import { handlingPhotos } from '../media/handling-photos';
import { PendingEvent, RequestTimeline } from '../timeline/request-timeline';
import { ResolveAssignmentCommand } from './resolve-assignment.command';

@CommandHandler(ResolveAssignmentCommand)
export class ResolveAssignmentHandler implements ICommandHandler<ResolveAssignmentCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly timeline: RequestTimeline,
  ) {}

  async execute({ actor, assignmentId, note, mediaIds }: ResolveAssignmentCommand): Promise<AssignmentSummary> {
    return this.unitOfWork.run(async (manager) => {
      const { assignment, request } = await lockAssignment(manager, assignmentId);
      assertOwnDepartment(actor, assignment);
      assertAssignmentTransition(assignment.status, 'resolved', 'resolve');
      if (assignment.claimedBy !== actor.userId) {
        throw DomainError.forbidden('CASEWORK.NOT_CLAIMANT', `only ${assignment.claimedByName}, who claimed it, may resolve this assignment`);
      }
      // An assisting department's note is its reply to the lead; the lead's note is the one answer to the citizen.
      if (assignment.role === 'lead') {
        const open = openAssistingParts(await manager.getRepository(AssignmentEntity).find({ where: { requestId: request.id } }));
        if (open.length > 0) {
          throw DomainError.conflict(
            'CASEWORK.ASSISTING_PARTS_OPEN',
            `cannot resolve the lead part: assisting parts still open: ${open.map((a) => `${a.departmentCode} (${a.status})`).join(', ')}`,
          );
        }
        assertRequestTransition(request.status, 'resolved', 'resolve');
      }
      const photos = await handlingPhotos(manager, request.id, mediaIds);
      const now = new Date();
      Object.assign(assignment, { status: 'resolved', resolvedAt: now, resolutionNote: note });
      await manager.getRepository(AssignmentEntity).update(assignment.id, { status: 'resolved', resolvedAt: now, resolutionNote: note });
      const events: PendingEvent[] = [
        {
          type: EVENT_TYPES.assignmentResolved,
          actor: actor.username,
          payload: {
            assignmentId: assignment.id,
            departmentCode: assignment.departmentCode,
            role: assignment.role,
            note,
            ...(photos.length ? { mediaIds: photos } : {}),
          },
        },
      ];
      if (assignment.role === 'lead') {
        await manager.getRepository(RequestEntity).update(request.id, { status: 'resolved', resolvedAt: now, resolutionNote: note });
        events.push({ type: EVENT_TYPES.requestResolved, payload: { status: 'resolved', from: request.status, note } });
      }
      await this.timeline.append(manager, request, events, now);
      return toAssignmentSummary(assignment);
    });
  }
}
