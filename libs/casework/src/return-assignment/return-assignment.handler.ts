import { DomainError } from '@app/common';
import { departmentTopic } from '@app/messaging';
import { UnitOfWork } from '@app/persistence';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { assertOwnDepartment } from '../claim-assignment/department-scope';
import { AssignmentEntity } from '../database/assignment.entity';
import { lockAssignment } from '../database/request-locks';
import { EVENT_TYPES } from '../domain/event-types';
import { assertAssignmentTransition } from '../domain/lifecycle';
import { toAssignmentSummary } from '../request.mapper';
import { AssignmentSummary } from '../request.responses';
import { RequestTimeline } from '../timeline/request-timeline';
import { ReturnAssignmentCommand } from './return-assignment.command';

/** 退单: staff hand back an assignment that is not their department's; it waits for an admin's decision. */
@CommandHandler(ReturnAssignmentCommand)
export class ReturnAssignmentHandler implements ICommandHandler<ReturnAssignmentCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly timeline: RequestTimeline,
  ) {}

  async execute({ actor, assignmentId, reason }: ReturnAssignmentCommand): Promise<AssignmentSummary> {
    return this.unitOfWork.run(async (manager) => {
      const { assignment, request } = await lockAssignment(manager, assignmentId);
      assertOwnDepartment(actor, assignment);
      assertAssignmentTransition(assignment.status, 'returned', 'return');
      if (assignment.status === 'claimed' && assignment.claimedBy !== actor.userId) {
        throw DomainError.forbidden('CASEWORK.NOT_CLAIMANT', `only ${assignment.claimedByName}, who claimed it, may return this assignment`);
      }
      const now = new Date();
      const changes = { status: 'returned' as const, returnReason: reason, returnedAt: now, returnedByName: actor.username };
      Object.assign(assignment, changes);
      await manager.getRepository(AssignmentEntity).update(assignment.id, changes);
      await this.timeline.append(
        manager,
        request,
        [
          {
            type: EVENT_TYPES.assignmentReturned,
            actor: actor.username,
            payload: { assignmentId: assignment.id, departmentCode: assignment.departmentCode, role: assignment.role, reason },
            alsoTo: [departmentTopic(assignment.departmentCode)],
          },
        ],
        now,
      );
      return toAssignmentSummary(assignment);
    });
  }
}
