import { toOffsetIso, toOffsetIsoOrNull } from '@app/common';
import { AssignmentEntity } from './database/assignment.entity';
import { RequestEventEntity } from './database/request-event.entity';
import { RequestEntity } from './database/request.entity';
import { WorkingCalendar } from './domain/deadlines';
import { assignmentTimeLeft, requestTimeLeft } from './domain/time-left';
import { AssignmentQueueItem, AssignmentSummary, RequestListItem, RequestResponse, TimelineEntry } from './request.responses';
import { WhistleResponse } from './whistle/whistle.responses';

export function toAssignmentSummary(a: AssignmentEntity): AssignmentSummary {
  return {
    id: a.id,
    departmentCode: a.departmentCode,
    role: a.role,
    status: a.status,
    claimDueAt: toOffsetIso(a.claimDueAt),
    dueAt: toOffsetIso(a.dueAt),
    claimedBy: a.claimedByName,
    claimedAt: toOffsetIsoOrNull(a.claimedAt),
    resolvedAt: toOffsetIsoOrNull(a.resolvedAt),
    resolutionNote: a.resolutionNote,
    deliveredAt: toOffsetIsoOrNull(a.deliveredAt),
    returnReason: a.returnReason,
    returnedAt: toOffsetIsoOrNull(a.returnedAt),
    returnedBy: a.returnedByName,
    reroutedTo: a.reroutedTo,
  };
}

export function toQueueItem(a: AssignmentEntity, r: RequestEntity, now: Date, calendar: WorkingCalendar): AssignmentQueueItem {
  return {
    ...toAssignmentSummary(a),
    requestId: r.id,
    trackingNo: r.trackingNo,
    gridCode: r.gridCode,
    categoryCode: r.categoryCode,
    title: r.title,
    urgency: r.urgency,
    requestStatus: r.status,
    address: r.location?.address ?? null,
    ...assignmentTimeLeft(a, r.urgency, now, calendar),
    createdAt: toOffsetIso(a.createdAt),
  };
}

export function toTimelineEntry(e: RequestEventEntity): TimelineEntry {
  return {
    sequence: e.sequence,
    type: e.type,
    occurredAt: toOffsetIso(e.occurredAt),
    ...(e.actor ? { actor: e.actor } : {}),
    data: e.data,
  };
}

export function toRequestResponse(
  r: RequestEntity,
  assignments: readonly AssignmentEntity[],
  timeline?: readonly RequestEventEntity[],
  whistles?: readonly WhistleResponse[],
): RequestResponse {
  return {
    id: r.id,
    trackingNo: r.trackingNo,
    gridCode: r.gridCode,
    categoryCode: r.categoryCode,
    title: r.title,
    description: r.description,
    location: r.location,
    safetyRisk: r.safetyRisk,
    affectedPeople: r.affectedPeople,
    urgency: r.urgency,
    route: r.route,
    status: r.status,
    decision: { policyVersion: r.decision.policyVersion, rules: r.decision.rules, reasons: r.decision.reasons },
    dueAt: toOffsetIso(r.dueAt),
    assignments: assignments.map(toAssignmentSummary),
    resolutionNote: r.resolutionNote,
    resolvedAt: toOffsetIsoOrNull(r.resolvedAt),
    reopenCount: r.reopenCount,
    closedAt: toOffsetIsoOrNull(r.closedAt),
    duplicateOf: r.duplicateOf,
    duplicateCount: r.duplicateCount,
    createdAt: toOffsetIso(r.createdAt),
    updatedAt: toOffsetIso(r.updatedAt),
    ...(whistles ? { whistles: [...whistles] } : {}),
    ...(timeline ? { timeline: timeline.map(toTimelineEntry) } : {}),
  };
}

/** A request as queues show it: with its address and the working time left before it is due. */
export function toRequestListItem(
  r: RequestEntity,
  assignments: readonly AssignmentEntity[],
  now: Date,
  calendar: WorkingCalendar,
): RequestListItem {
  return { ...toRequestResponse(r, assignments), address: r.location?.address ?? null, ...requestTimeLeft(r, now, calendar) };
}

/** The reporter's name and phone, whoever has any: given on the detail (an audited read) and to the filer. */
export function reporterContactOf(r: RequestEntity): { name?: string; phone?: string } | null {
  return r.reporter && (r.reporter.name || r.reporter.phone) ? { ...r.reporter } : null;
}
