import { toOffsetIso } from '@app/common';
import { departmentTopic } from '@app/messaging';
import { randomUUID } from 'node:crypto';
import { EVENT_TYPES } from '../domain/event-types';
import type { AssignmentRole } from '../domain/lifecycle';
import type { PendingEvent } from '../timeline/request-timeline';
import { AssignmentEntity } from './assignment.entity';
import { RequestEntity } from './request.entity';

/** A fresh, unclaimed assignment of a request to a department (filing, escalation, rerouting). */
export function newAssignment(
  requestId: string,
  departmentCode: string,
  role: AssignmentRole,
  deadlines: { claimBy: Date; dueAt: Date },
  now: Date,
): AssignmentEntity {
  return Object.assign(new AssignmentEntity(), {
    id: randomUUID(),
    requestId,
    departmentCode,
    role,
    status: 'unclaimed',
    claimDueAt: deadlines.claimBy,
    dueAt: deadlines.dueAt,
    claimedBy: null,
    claimedByName: null,
    claimedAt: null,
    resolvedAt: null,
    resolutionNote: null,
    deliveredAt: null,
    returnReason: null,
    returnedAt: null,
    returnedByName: null,
    reroutedTo: null,
    createdAt: now,
  });
}

/** The event a department's handlers act on, on the timeline and on the department's topic; the same wherever the assignment came from. */
export function assignmentCreated(request: RequestEntity, assignment: AssignmentEntity): PendingEvent {
  return {
    type: EVENT_TYPES.assignmentCreated,
    payload: {
      assignmentId: assignment.id,
      departmentCode: assignment.departmentCode,
      role: assignment.role,
      trackingNo: request.trackingNo,
      gridCode: request.gridCode,
      categoryCode: request.categoryCode,
      title: request.title,
      urgency: request.urgency,
      claimDueAt: toOffsetIso(assignment.claimDueAt),
      dueAt: toOffsetIso(assignment.dueAt),
    },
    alsoTo: [departmentTopic(assignment.departmentCode)],
  };
}
