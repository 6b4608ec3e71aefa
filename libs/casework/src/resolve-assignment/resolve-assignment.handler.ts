import { DomainError } from '@app/common';
import { UnitOfWork } from '@app/persistence';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { assertOwnDepartment } from '../claim-assignment/department-scope';
import { AssignmentEntity } from '../database/assignment.entity';
import { lockAssignment } from '../database/request-locks';
import { RequestEntity } from '../database/request.entity';
import { EVENT_TYPES } from '../domain/event-types';
import { assertAssignmentTransition, jointCaseIsResolved } from '../domain/lifecycle';
import { toAssignmentSummary } from '../request.mapper';
import { AssignmentSummary } from '../request.responses';
import { PendingEvent, RequestTimeline } from '../timeline/request-timeline';
import { ResolveAssignmentCommand } from './resolve-assignment.command';

@CommandHandler(ResolveAssignmentCommand)
export class ResolveAssignmentHandler implements ICommandHandler<ResolveAssignmentCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly timeline: RequestTimeline,
  ) {}

  async execute({ actor, assignmentId, note }: ResolveAssignmentCommand): Promise<AssignmentSummary> {
    return this.unitOfWork.run(async (manager) => {
      const { assignment, request } = await lockAssignment(manager, assignmentId);
      assertOwnDepartment(actor, assignment);
      assertAssignmentTransition(assignment.status, 'resolved', 'resolve');
      if (assignment.claimedBy !== actor.userId) {
        throw DomainError.forbidden('CASEWORK.NOT_CLAIMANT', `only ${assignment.claimedByName}, who claimed it, may resolve this assignment`);
      }
      const now = new Date();
      Object.assign(assignment, { status: 'resolved', resolvedAt: now, resolutionNote: note });
      await manager.getRepository(AssignmentEntity).update(assignment.id, { status: 'resolved', resolvedAt: now, resolutionNote: note });
      const events: PendingEvent[] = [
        {
          type: EVENT_TYPES.assignmentResolved,
          actor: actor.username,
          payload: { assignmentId: assignment.id, departmentCode: assignment.departmentCode, role: assignment.role, note },
        },
      ];
      const all = await manager.getRepository(AssignmentEntity).find({ where: { requestId: request.id } });
      if (jointCaseIsResolved(all)) {
        const lead = all.find((a) => a.role === 'lead' && a.status === 'resolved') ?? assignment;
        const resolutionNote = lead.resolutionNote ?? note;
        await manager.getRepository(RequestEntity).update(request.id, { status: 'resolved', resolvedAt: now, resolutionNote });
        events.push({ type: EVENT_TYPES.requestResolved, payload: { status: 'resolved', from: request.status, note: resolutionNote } });
      }
      await this.timeline.append(manager, request, events, now);
      return toAssignmentSummary(assignment);
    });
  }
}
