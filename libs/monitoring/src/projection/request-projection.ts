import { EVENT_TYPES, WorkingCalendar, workingMinutesBetween } from '@app/casework';

/**
 * The monitoring read model of one request as a pure fold over its events: the live projector
 * and the rebuild run this same code, so both give the same rows. No Nest, no SQL here.
 */

export interface MonRequestRow {
  requestId: string;
  trackingNo: string;
  title: string;
  gridCode: string;
  streetCode: string | null;
  categoryCode: string;
  route: string;
  status: string;
  urgency: string;
  filedAt: Date;
  dueAt: Date;
  resolvedAt: Date | null;
  closedAt: Date | null;
  feedbackAt: Date | null;
  reopenCount: number;
  citizenResolved: boolean | null;
  citizenSatisfied: boolean | null;
  resolveWorkingMinutes: number | null;
  resolvedOnTime: boolean | null;
  lastSequence: number;
  updatedAt: Date;
}

export interface MonAssignmentRow {
  assignmentId: string;
  requestId: string;
  gridCode: string;
  streetCode: string | null;
  departmentCode: string;
  role: string;
  status: string;
  createdAt: Date;
  claimDueAt: Date;
  dueAt: Date;
  /** The first claim: the response the response rate judges. */
  claimedAt: Date | null;
  resolvedAt: Date | null;
  claimWorkingMinutes: number | null;
  claimedOnTime: boolean | null;
  resolveWorkingMinutes: number | null;
  resolvedOnTime: boolean | null;
  returned: boolean;
  returnCount: number;
  reroutedTo: string | null;
  reopenCount: number;
  updatedAt: Date;
}

export interface RequestProjectionState {
  request: MonRequestRow | null;
  assignments: Map<string, MonAssignmentRow>;
}

export interface ProjectedEvent {
  requestId: string;
  sequence: number;
  type: string;
  occurredAt: Date;
  payload: Record<string, unknown>;
}

export interface ProjectionContext {
  calendar: WorkingCalendar;
  /** The street of a grid, from the reference data (null when the grid has none). */
  streetOf(gridCode: string): string | null;
}

export type ApplyOutcome = 'applied' | 'ignored' | 'already-applied' | 'gap';

/** Event types that change the read models; every other type only moves last_sequence on. */
export const PROJECTED_TYPES: ReadonlySet<string> = new Set([
  EVENT_TYPES.requestFiled,
  EVENT_TYPES.requestRouted,
  EVENT_TYPES.requestEscalated,
  EVENT_TYPES.requestWorkStarted,
  EVENT_TYPES.requestResolved,
  EVENT_TYPES.requestFeedbackRecorded,
  EVENT_TYPES.requestReopened,
  EVENT_TYPES.requestClosed,
  EVENT_TYPES.requestClosedAsDuplicate,
  EVENT_TYPES.assignmentCreated,
  EVENT_TYPES.assignmentClaimed,
  EVENT_TYPES.assignmentResolved,
  EVENT_TYPES.assignmentReturned,
  EVENT_TYPES.assignmentSentBack,
  EVENT_TYPES.assignmentRerouted,
  EVENT_TYPES.assignmentReopened,
  EVENT_TYPES.assignmentExtensionApproved,
]);

export function emptyState(): RequestProjectionState {
  return { request: null, assignments: new Map() };
}

const str = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);
const date = (value: unknown): Date | null => {
  if (typeof value !== 'string') return null;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
};
const minutes = (from: Date, to: Date, calendar: WorkingCalendar): number => Math.round(workingMinutesBetween(from, to, calendar));

/** What a request's and an assignment's row say of their resolution. */
type Resolution = Pick<MonRequestRow, 'resolvedAt' | 'resolveWorkingMinutes' | 'resolvedOnTime'>;

/** Resolved at `at`, work having started at `from`, against the deadline `dueAt`. */
const resolvedAt = (at: Date, from: Date, dueAt: Date, calendar: WorkingCalendar): Resolution => ({
  resolvedAt: at,
  resolveWorkingMinutes: minutes(from, at, calendar),
  resolvedOnTime: at.getTime() <= dueAt.getTime(),
});
const UNRESOLVED: Resolution = { resolvedAt: null, resolveWorkingMinutes: null, resolvedOnTime: null };

/**
 * Applies one event to the state, in place. Events at or below last_sequence are already in
 * (a replay or a duplicate); an event after a gap is refused so the caller fills the gap first.
 */
export function applyEvent(state: RequestProjectionState, event: ProjectedEvent, ctx: ProjectionContext): ApplyOutcome {
  const last = state.request?.lastSequence ?? 0;
  if (event.sequence <= last) return 'already-applied';
  if (event.sequence !== last + 1) return 'gap';
  const at = event.occurredAt;
  const p = event.payload;

  if (event.type === EVENT_TYPES.requestFiled) {
    const gridCode = str(p.gridCode);
    state.request = {
      requestId: event.requestId,
      trackingNo: str(p.trackingNo),
      title: str(p.title),
      gridCode,
      streetCode: typeof p.streetCode === 'string' ? p.streetCode : ctx.streetOf(gridCode),
      categoryCode: str(p.categoryCode),
      route: 'grid',
      status: 'open',
      urgency: str(p.urgency, 'normal'),
      filedAt: at,
      dueAt: at,
      resolvedAt: null,
      closedAt: null,
      feedbackAt: null,
      reopenCount: 0,
      citizenResolved: null,
      citizenSatisfied: null,
      resolveWorkingMinutes: null,
      resolvedOnTime: null,
      lastSequence: event.sequence,
      updatedAt: at,
    };
    return 'applied';
  }
  const request = state.request;
  // Sequence 1 is always request.filed; without it nothing else can be placed.
  if (!request) return 'gap';
  request.lastSequence = event.sequence;
  if (!PROJECTED_TYPES.has(event.type)) return 'ignored';
  request.updatedAt = at;
  const assignmentId = str(p.assignmentId);
  const assignment = state.assignments.get(assignmentId);

  switch (event.type) {
    case EVENT_TYPES.requestRouted:
      request.route = str(p.route, request.route);
      request.dueAt = date(p.dueAt) ?? request.dueAt;
      break;
    case EVENT_TYPES.requestEscalated:
      request.route = str(p.route, 'joint');
      request.dueAt = date(p.dueAt) ?? request.dueAt;
      break;
    case EVENT_TYPES.requestWorkStarted:
      request.status = 'in_progress';
      break;
    case EVENT_TYPES.requestResolved:
      request.status = 'resolved';
      Object.assign(request, resolvedAt(at, request.filedAt, request.dueAt, ctx.calendar));
      break;
    case EVENT_TYPES.requestFeedbackRecorded:
      request.citizenResolved = p.resolved === true;
      request.citizenSatisfied = p.satisfied === true;
      request.feedbackAt = at;
      break;
    case EVENT_TYPES.requestReopened:
      request.status = 'open';
      request.reopenCount = typeof p.reopenCount === 'number' ? p.reopenCount : request.reopenCount + 1;
      request.dueAt = date(p.dueAt) ?? request.dueAt;
      Object.assign(request, UNRESOLVED);
      break;
    case EVENT_TYPES.requestClosed:
    case EVENT_TYPES.requestClosedAsDuplicate:
      request.status = 'closed';
      request.closedAt = at;
      break;
    case EVENT_TYPES.assignmentCreated: {
      const dueAt = date(p.dueAt) ?? request.dueAt;
      state.assignments.set(assignmentId, {
        assignmentId,
        requestId: request.requestId,
        gridCode: request.gridCode,
        streetCode: request.streetCode,
        departmentCode: str(p.departmentCode),
        role: str(p.role, 'lead'),
        status: 'unclaimed',
        createdAt: at,
        claimDueAt: date(p.claimDueAt) ?? dueAt,
        dueAt,
        claimedAt: null,
        resolvedAt: null,
        claimWorkingMinutes: null,
        claimedOnTime: null,
        resolveWorkingMinutes: null,
        resolvedOnTime: null,
        returned: false,
        returnCount: 0,
        reroutedTo: null,
        reopenCount: 0,
        updatedAt: at,
      });
      break;
    }
    default:
      if (event.type === EVENT_TYPES.assignmentExtensionApproved) request.dueAt = date(p.requestDueAt) ?? request.dueAt;
      if (!assignment) return 'ignored';
      applyToAssignment(assignment, event, ctx);
  }
  return 'applied';
}

function applyToAssignment(assignment: MonAssignmentRow, event: ProjectedEvent, ctx: ProjectionContext): void {
  const at = event.occurredAt;
  const p = event.payload;
  assignment.updatedAt = at;
  switch (event.type) {
    case EVENT_TYPES.assignmentClaimed:
      assignment.status = 'claimed';
      if (assignment.claimedAt === null) {
        assignment.claimedAt = at;
        assignment.claimWorkingMinutes = minutes(assignment.createdAt, at, ctx.calendar);
        assignment.claimedOnTime = at.getTime() <= assignment.claimDueAt.getTime();
      }
      break;
    case EVENT_TYPES.assignmentResolved:
      assignment.status = 'resolved';
      Object.assign(assignment, resolvedAt(at, assignment.createdAt, assignment.dueAt, ctx.calendar));
      break;
    case EVENT_TYPES.assignmentReturned:
      assignment.status = 'returned';
      assignment.returned = true;
      assignment.returnCount += 1;
      break;
    case EVENT_TYPES.assignmentSentBack:
      assignment.status = 'unclaimed';
      assignment.claimDueAt = date(p.claimDueAt) ?? assignment.claimDueAt;
      break;
    case EVENT_TYPES.assignmentRerouted:
      assignment.reroutedTo = str(p.reroutedTo) || null;
      break;
    case EVENT_TYPES.assignmentReopened:
      assignment.status = 'unclaimed';
      assignment.reopenCount += 1;
      assignment.claimDueAt = date(p.claimDueAt) ?? assignment.claimDueAt;
      assignment.dueAt = date(p.dueAt) ?? assignment.dueAt;
      Object.assign(assignment, UNRESOLVED);
      break;
    case EVENT_TYPES.assignmentExtensionApproved:
      assignment.dueAt = date(p.dueAt) ?? assignment.dueAt;
      break;
    default:
      break;
  }
}
