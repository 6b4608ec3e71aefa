import { DomainError, toOffsetIsoOrNull } from '@app/common';
import { UnitOfWork } from '@app/persistence';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AssignmentEntity } from '../database/assignment.entity';
import { lockAssignment } from '../database/request-locks';
import { RequestEntity } from '../database/request.entity';
import { EVENT_TYPES } from '../domain/event-types';
import { assertAssignmentTransition, canMoveRequest } from '../domain/lifecycle';
import { toAssignmentSummary } from '../request.mapper';
import { AssignmentSummary } from '../request.responses';
import { PendingEvent, RequestTimeline } from '../timeline/request-timeline';
import { ClaimAssignmentCommand } from './claim-assignment.command';
import { assertOwnDepartment } from './department-scope';

/** First claim wins: the request row lock orders concurrent claims, and every later one sees "claimed". */
@CommandHandler(ClaimAssignmentCommand)
export class ClaimAssignmentHandler implements ICommandHandler<ClaimAssignmentCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly timeline: RequestTimeline,
  ) {}

  async execute({ actor, assignmentId }: ClaimAssignmentCommand): Promise<AssignmentSummary & { claimedBy: string }> {
    return this.unitOfWork.run(async (manager) => {
      const { assignment, request } = await lockAssignment(manager, assignmentId);
      assertOwnDepartment(actor, assignment);
      if (assignment.status === 'claimed') {
        throw DomainError.conflict('CASEWORK.ALREADY_CLAIMED', `cannot claim: the assignment is already claimed by ${assignment.claimedByName}`).with({
          claimedBy: assignment.claimedByName,
          claimedAt: toOffsetIsoOrNull(assignment.claimedAt),
        });
      }
      assertAssignmentTransition(assignment.status, 'claimed', 'claim');
      const now = new Date();
      Object.assign(assignment, { status: 'claimed', claimedBy: actor.userId, claimedByName: actor.username, claimedAt: now });
      await manager.getRepository(AssignmentEntity).update(assignment.id, {
        status: assignment.status,
        claimedBy: assignment.claimedBy,
        claimedByName: assignment.claimedByName,
        claimedAt: now,
      });
      const events: PendingEvent[] = [
        {
          type: EVENT_TYPES.assignmentClaimed,
          actor: actor.username,
          payload: { assignmentId: assignment.id, departmentCode: assignment.departmentCode, claimedBy: actor.username },
        },
      ];
      if (canMoveRequest(request.status, 'in_progress')) {
        await manager.getRepository(RequestEntity).update(request.id, { status: 'in_progress' });
        events.push({ type: EVENT_TYPES.requestWorkStarted, payload: { status: 'in_progress', from: request.status } });
      }
      await this.timeline.append(manager, request, events, now);
      return { ...toAssignmentSummary(assignment), claimedBy: actor.username };
    });
  }
}
