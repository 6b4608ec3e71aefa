import { DEFAULT_CALENDAR, WorkingCalendar, workingMinutesBetween } from './deadlines';
import type { AssignmentStatus, RequestStatus } from './lifecycle';
import { breachOf } from './overdue';

/**
 * How much working time is left before a deadline, as queues show it: whole working minutes on the
 * county's calendar, negative once the deadline has passed (how far over it is, in working time).
 */
export function workingMinutesLeft(now: Date, dueAt: Date, calendar: WorkingCalendar = DEFAULT_CALENDAR): number {
  if (dueAt.getTime() > now.getTime()) return Math.floor(workingMinutesBetween(now, dueAt, calendar));
  // `|| 0`: a deadline that passed outside working hours is 0 minutes over, never -0.
  return -Math.ceil(workingMinutesBetween(dueAt, now, calendar)) || 0;
}

export interface RequestTimeLeft {
  /** null once the request is resolved or closed: its deadline no longer runs. */
  workingMinutesLeft: number | null;
  overdue: boolean;
}

export function requestTimeLeft(
  request: { status: RequestStatus; dueAt: Date },
  now: Date,
  calendar: WorkingCalendar = DEFAULT_CALENDAR,
): RequestTimeLeft {
  if (request.status !== 'open' && request.status !== 'in_progress') return { workingMinutesLeft: null, overdue: false };
  return { workingMinutesLeft: workingMinutesLeft(now, request.dueAt, calendar), overdue: request.dueAt.getTime() <= now.getTime() };
}

export interface AssignmentTimeLeft {
  /** Until the claim deadline, while the assignment waits to be claimed; null otherwise. */
  claimWorkingMinutesLeft: number | null;
  /** Until the resolve deadline, while the assignment is unclaimed or claimed; null otherwise. */
  resolveWorkingMinutesLeft: number | null;
  /** A deadline it still has to meet has passed: the deadline watcher's breach (domain/overdue.ts). */
  overdue: boolean;
}

export function assignmentTimeLeft(
  assignment: { status: AssignmentStatus; claimDueAt: Date; dueAt: Date },
  now: Date,
  calendar: WorkingCalendar = DEFAULT_CALENDAR,
): AssignmentTimeLeft {
  const active = assignment.status === 'unclaimed' || assignment.status === 'claimed';
  return {
    claimWorkingMinutesLeft: assignment.status === 'unclaimed' ? workingMinutesLeft(now, assignment.claimDueAt, calendar) : null,
    resolveWorkingMinutesLeft: active ? workingMinutesLeft(now, assignment.dueAt, calendar) : null,
    overdue: breachOf(assignment, now) !== null,
  };
}
