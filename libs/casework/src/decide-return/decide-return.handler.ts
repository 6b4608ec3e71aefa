import { DomainError, toOffsetIso } from '@app/common';
import { departmentTopic } from '@app/messaging';
import { UnitOfWork } from '@app/persistence';
import { DepartmentEntity } from '@app/reference-data';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EntityManager } from 'typeorm';
import { DeadlineClock } from '../calendar/deadline-clock';
import { AssignmentEntity } from '../database/assignment.entity';
import { lockAssignment } from '../database/request-locks';
import { assignmentCreated, newAssignment } from '../database/new-assignment';
import { RequestEntity } from '../database/request.entity';
import { CaseDeadlines } from '../domain/deadlines';
import { EVENT_TYPES } from '../domain/event-types';
import { assertAssignmentTransition, assertRequestActive } from '../domain/lifecycle';
import { toAssignmentSummary } from '../request.mapper';
import { RequestTimeline } from '../timeline/request-timeline';
import { DecideReturnCommand } from './decide-return.command';
import { ReturnDecisionResponse } from './return-decision.response';

/** A department gets a fresh claim deadline when a return lands in its queue, never later than the part is due. */
function claimDeadline(fresh: CaseDeadlines, dueAt: Date): Date {
  const claimBy = fresh.claimBy ?? dueAt;
  return claimBy < dueAt ? claimBy : dueAt;
}

/** The admin's answer to a 退单: reroute it to the right department, or send it back to the same one. */
@CommandHandler(DecideReturnCommand)
export class DecideReturnHandler implements ICommandHandler<DecideReturnCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly timeline: RequestTimeline,
    private readonly deadlineClock: DeadlineClock,
  ) {}

  async execute({ actor, assignmentId, decision }: DecideReturnCommand): Promise<ReturnDecisionResponse> {
    if (decision.action === 'reroute' && decision.departmentCode === undefined) {
      throw DomainError.invalid('CASEWORK.REROUTE_DEPARTMENT', 'departmentCode: required to reroute');
    }
    if (decision.action === 'send_back' && decision.departmentCode !== undefined) {
      throw DomainError.invalid('CASEWORK.REROUTE_DEPARTMENT', 'departmentCode: only a reroute names a department');
    }
    return this.unitOfWork.run(async (manager) => {
      const { assignment, request } = await lockAssignment(manager, assignmentId);
      if (assignment.status !== 'returned') {
        throw DomainError.conflict('CASEWORK.ASSIGNMENT_STATE', `cannot decide a return: the assignment is ${assignment.status}`);
      }
      if (assignment.reroutedTo) {
        throw DomainError.conflict('CASEWORK.RETURN_DECIDED', `cannot decide a return: it was already rerouted to assignment ${assignment.reroutedTo}`);
      }
      assertRequestActive(request.status, 'decide a return');
      const now = new Date();
      const fresh = await this.deadlineClock.caseDeadlines(manager, request.categoryCode, now, 'joint', request.urgency);
      const claimBy = claimDeadline(fresh, assignment.dueAt);
      return decision.departmentCode === undefined
        ? this.sendBack(manager, actor.username, request, assignment, claimBy, now)
        : this.reroute(manager, actor.username, request, assignment, decision.departmentCode, claimBy, now);
    });
  }

  private async sendBack(
    manager: EntityManager,
    username: string,
    request: RequestEntity,
    assignment: AssignmentEntity,
    claimBy: Date,
    now: Date,
  ): Promise<ReturnDecisionResponse> {
    assertAssignmentTransition(assignment.status, 'unclaimed', 'send back');
    const reason = assignment.returnReason;
    const changes = {
      status: 'unclaimed' as const,
      claimDueAt: claimBy,
      claimedBy: null,
      claimedByName: null,
      claimedAt: null,
      returnReason: null,
      returnedAt: null,
      returnedByName: null,
    };
    Object.assign(assignment, changes);
    await manager.getRepository(AssignmentEntity).update(assignment.id, changes);
    await this.timeline.append(
      manager,
      request,
      [
        {
          type: EVENT_TYPES.assignmentSentBack,
          actor: username,
          payload: {
            assignmentId: assignment.id,
            departmentCode: assignment.departmentCode,
            role: assignment.role,
            returnReason: reason,
            claimDueAt: toOffsetIso(assignment.claimDueAt),
          },
          alsoTo: [departmentTopic(assignment.departmentCode)],
        },
      ],
      now,
    );
    return { assignment: toAssignmentSummary(assignment), reroutedTo: null };
  }

  private async reroute(
    manager: EntityManager,
    username: string,
    request: RequestEntity,
    assignment: AssignmentEntity,
    departmentCode: string,
    claimBy: Date,
    now: Date,
  ): Promise<ReturnDecisionResponse> {
    if (departmentCode === assignment.departmentCode) {
      throw DomainError.invalid('CASEWORK.REROUTE_DEPARTMENT', `departmentCode: the assignment is already ${departmentCode}'s; send it back instead`);
    }
    if (!(await manager.getRepository(DepartmentEntity).exists({ where: { code: departmentCode } }))) {
      throw DomainError.invalid('CASEWORK.UNKNOWN_DEPARTMENT', `departmentCode: no department has code ${departmentCode}`);
    }
    if (await manager.getRepository(AssignmentEntity).exists({ where: { requestId: request.id, departmentCode } })) {
      throw DomainError.conflict('CASEWORK.ALREADY_ASSIGNED', `cannot reroute: department ${departmentCode} already has an assignment on this request`);
    }
    const rerouted = newAssignment(request.id, departmentCode, assignment.role, { claimBy, dueAt: assignment.dueAt }, now);
    await manager.getRepository(AssignmentEntity).insert(rerouted);
    assignment.reroutedTo = rerouted.id;
    await manager.getRepository(AssignmentEntity).update(assignment.id, { reroutedTo: rerouted.id });
    await this.timeline.append(
      manager,
      request,
      [
        {
          type: EVENT_TYPES.assignmentRerouted,
          actor: username,
          payload: {
            assignmentId: assignment.id,
            fromDepartmentCode: assignment.departmentCode,
            departmentCode,
            reroutedTo: rerouted.id,
            returnReason: assignment.returnReason,
          },
        },
        assignmentCreated(request, rerouted),
      ],
      now,
    );
    return { assignment: toAssignmentSummary(assignment), reroutedTo: toAssignmentSummary(rerouted) };
  }
}
