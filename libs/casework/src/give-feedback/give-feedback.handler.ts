import { DomainError, toOffsetIso, worksInGrid } from '@app/common';
import { departmentTopic } from '@app/messaging';
import { UnitOfWork } from '@app/persistence';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { DeadlineClock } from '../calendar/deadline-clock';
import { AssignmentEntity } from '../database/assignment.entity';
import { lockRequest } from '../database/request-locks';
import { RequestFeedbackEntity } from '../database/request-feedback.entity';
import { RequestEntity } from '../database/request.entity';
import { EVENT_TYPES } from '../domain/event-types';
import { feedbackOutcome } from '../domain/feedback';
import { assertAssignmentTransition, assertRequestTransition } from '../domain/lifecycle';
import { toRequestResponse } from '../request.mapper';
import { RequestResponse } from '../request.responses';
import { PendingEvent, RequestTimeline } from '../timeline/request-timeline';
import { GiveFeedbackCommand } from './give-feedback.command';

/**
 * Records the citizen's answer on a resolved request. Resolved and satisfied closes it; anything
 * less reopens it (重办) with a new deadline: a grid task to its grid, a joint case's resolved
 * parts to their departments' queues (unclaimed, naming who had them, so the department can hand
 * each back to the same person), and the request back to open until a part is claimed again.
 */
@CommandHandler(GiveFeedbackCommand)
export class GiveFeedbackHandler implements ICommandHandler<GiveFeedbackCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly timeline: RequestTimeline,
    private readonly deadlineClock: DeadlineClock,
  ) {}

  async execute({ actor, requestId, feedback }: GiveFeedbackCommand): Promise<RequestResponse> {
    return this.unitOfWork.run(async (manager) => {
      const request = await lockRequest(manager, requestId);
      if (!worksInGrid(actor, request.gridCode)) {
        throw DomainError.forbidden('CASEWORK.GRID_SCOPE', `you do not work in grid ${request.gridCode}`);
      }
      if (request.status !== 'resolved') {
        throw DomainError.conflict('CASEWORK.REQUEST_STATE', `cannot record feedback: the request is ${request.status}`);
      }
      const now = new Date();
      await manager.getRepository(RequestFeedbackEntity).insert({
        id: randomUUID(),
        requestId: request.id,
        resolved: feedback.resolved,
        satisfied: feedback.satisfied,
        comment: feedback.comment ?? null,
        recordedBy: actor.username,
        createdAt: now,
      });
      const events: PendingEvent[] = [
        {
          type: EVENT_TYPES.requestFeedbackRecorded,
          actor: actor.username,
          payload: { resolved: feedback.resolved, satisfied: feedback.satisfied, comment: feedback.comment ?? null },
        },
      ];
      const assignments = await manager
        .getRepository(AssignmentEntity)
        .find({ where: { requestId: request.id }, order: { role: 'DESC', departmentCode: 'ASC' } });
      if (feedbackOutcome(feedback) === 'close') {
        assertRequestTransition(request.status, 'closed', 'close');
        Object.assign(request, { status: 'closed', closedAt: now });
        await manager.getRepository(RequestEntity).update(request.id, { status: 'closed', closedAt: now });
        events.push({ type: EVENT_TYPES.requestClosed, payload: { status: 'closed', from: 'resolved' } });
      } else {
        events.push(...(await this.reopen(manager, request, assignments, now)));
      }
      const appended = await this.timeline.append(manager, request, events, now);
      Object.assign(request, { lastSequence: appended[appended.length - 1].sequence, updatedAt: now });
      return toRequestResponse(request, assignments);
    });
  }

  private async reopen(manager: EntityManager, request: RequestEntity, assignments: AssignmentEntity[], now: Date): Promise<PendingEvent[]> {
    assertRequestTransition(request.status, 'open', 'reopen');
    const deadlines = await this.deadlineClock.caseDeadlines(manager, request.categoryCode, now, request.route, request.urgency);
    const requestChanges = {
      status: 'open' as const,
      dueAt: deadlines.resolveBy,
      resolvedAt: null,
      resolutionNote: null,
      reopenCount: request.reopenCount + 1,
    };
    Object.assign(request, requestChanges);
    await manager.getRepository(RequestEntity).update(request.id, requestChanges);
    const events: PendingEvent[] = [
      {
        type: EVENT_TYPES.requestReopened,
        payload: { status: 'open', from: 'resolved', reopenCount: request.reopenCount, dueAt: toOffsetIso(deadlines.resolveBy) },
      },
    ];
    for (const assignment of assignments.filter((a) => a.status === 'resolved')) {
      assertAssignmentTransition(assignment.status, 'unclaimed', 'reopen');
      const previousClaimant = assignment.claimedByName;
      const changes = {
        status: 'unclaimed' as const,
        claimDueAt: deadlines.claimBy ?? deadlines.resolveBy,
        dueAt: deadlines.resolveBy,
        claimedBy: null,
        claimedByName: null,
        claimedAt: null,
        resolvedAt: null,
        resolutionNote: null,
      };
      Object.assign(assignment, changes);
      await manager.getRepository(AssignmentEntity).update(assignment.id, changes);
      events.push({
        type: EVENT_TYPES.assignmentReopened,
        payload: {
          assignmentId: assignment.id,
          departmentCode: assignment.departmentCode,
          role: assignment.role,
          previousClaimant,
          claimDueAt: toOffsetIso(changes.claimDueAt),
          dueAt: toOffsetIso(changes.dueAt),
        },
        alsoTo: [departmentTopic(assignment.departmentCode)],
      });
    }
    return events;
  }
}
