import { Actor, toOffsetIso } from '@app/common';
import { CategoryEntity, GridEntity } from '@app/reference-data';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DeadlineClock } from '../calendar/deadline-clock';
import { AssignmentEntity } from '../database/assignment.entity';
import { assignmentCreated, newAssignment } from '../database/new-assignment';
import { RequestEntity } from '../database/request.entity';
import { assertCanEscalate, escalationDecision } from '../domain/escalation';
import { EVENT_TYPES } from '../domain/event-types';
import { caseDepartments, decideRoute } from '../domain/routing-policy';
import { countRecentSameCategory } from '../routing-policy/recent-same-category';
import { RoutingPolicyStore } from '../routing-policy/routing-policy.store';
import { PendingEvent, RequestTimeline } from '../timeline/request-timeline';

/**
 * The core of escalation (吹哨 of a grid task): an open grid task becomes a joint case routed by the
 * current policy. Shared by the grid worker's escalation, the scheduler's for overdue grid tasks and
 * a duplicate cluster passing the policy's threshold; runs in the caller's transaction, on a request
 * the caller has locked.
 */
@Injectable()
export class RequestEscalation {
  constructor(
    private readonly timeline: RequestTimeline,
    private readonly policies: RoutingPolicyStore,
    private readonly deadlineClock: DeadlineClock,
  ) {}

  /** Updates `request` in place and answers the assignments created; `by` null is the system. */
  async escalate(manager: EntityManager, request: RequestEntity, by: Actor | null, reason: string): Promise<AssignmentEntity[]> {
    assertCanEscalate(request.route, request.status);
    const category = await manager.getRepository(CategoryEntity).findOneByOrFail({ code: request.categoryCode });
    const grid = await manager.getRepository(GridEntity).findOneByOrFail({ id: request.gridId });
    const policy = await this.policies.latest(manager);
    const evaluated = decideRoute(
      {
        categoryCode: category.code,
        gridCode: grid.code,
        streetCode: grid.streetCode,
        departmentCount: 1 + category.assistingDepartmentCodes.length,
        safetyRisk: request.safetyRisk,
        affectedPeople: request.affectedPeople,
        urgency: request.urgency,
        // This request is open, so the count already includes it.
        recentSameCategory: await countRecentSameCategory(manager, grid.id, category.code, policy),
      },
      policy,
    );
    const decision = escalationDecision(evaluated, by?.username ?? null, reason);
    const now = new Date();
    const deadlines = await this.deadlineClock.caseDeadlines(manager, category.code, now, 'joint', request.urgency);
    const assignments = caseDepartments(category.leadDepartmentCode, category.assistingDepartmentCodes, decision.addDepartments ?? []).map(
      ({ code, role }) =>
        newAssignment(request.id, code, role, { claimBy: deadlines.claimBy ?? deadlines.resolveBy, dueAt: deadlines.resolveBy }, now),
    );
    Object.assign(request, { route: 'joint', decision, dueAt: deadlines.resolveBy, updatedAt: now });
    await manager.getRepository(RequestEntity).update(request.id, { route: 'joint', decision, dueAt: deadlines.resolveBy });
    await manager.getRepository(AssignmentEntity).insert(assignments);

    const events: PendingEvent[] = [
      {
        type: EVENT_TYPES.requestEscalated,
        ...(by ? { actor: by.username } : {}),
        payload: { from: 'grid', route: 'joint', reason, decision, dueAt: toOffsetIso(deadlines.resolveBy) },
      },
      // The same event filing sends, so a department's handlers treat both alike.
      ...assignments.map((a) => assignmentCreated(request, a)),
    ];
    const appended = await this.timeline.append(manager, request, events, now);
    request.lastSequence = appended[appended.length - 1].sequence;
    return assignments;
  }
}
