import { DEFAULT_CALENDAR, WorkingCalendar, workingMinutesBetween } from './deadlines';
import type { AssignmentStatus, RequestStatus } from './lifecycle';
import { breachOf } from './overdue';
import type { Urgency } from './routing-policy';

/**
 * How much working time is left before a deadline, as queues show it: whole working minutes on the
 * county's calendar, negative once the deadline has passed (how far over it is, in working time).
 */
export function workingMinutesLeft(now: Date, dueAt: Date, calendar: WorkingCalendar = DEFAULT_CALENDAR): number {
  if (dueAt.getTime() > now.getTime()) return Math.floor(workingMinutesBetween(now, dueAt, calendar));
  // `|| 0`: a deadline that passed outside working hours is 0 minutes over, never -0.
  return -Math.ceil(workingMinutesBetween(dueAt, now, calendar)) || 0;
}

/**
 * The minutes left as the deadline runs: an emergency's (urgency critical) on the clock, at night
 * and on holidays too (domain/deadlines), so its minutes are clock minutes; any other's working minutes.
 */
function minutesLeft(now: Date, dueAt: Date, calendar: WorkingCalendar, urgency: Urgency): number {
  if (urgency !== 'critical') return workingMinutesLeft(now, dueAt, calendar);
  const minutes = (dueAt.getTime() - now.getTime()) / 60_000;
  return (minutes > 0 ? Math.floor(minutes) : -Math.ceil(-minutes)) || 0;
}

export interface RequestTimeLeft {
  /** null once the request is resolved or closed: its deadline no longer runs. */
  workingMinutesLeft: number | null;
  overdue: boolean;
}

export function requestTimeLeft(
  request: { status: RequestStatus; dueAt: Date; urgency: Urgency },
  now: Date,
  calendar: WorkingCalendar = DEFAULT_CALENDAR,
): RequestTimeLeft {
  if (request.status !== 'open' && request.status !== 'in_progress') return { workingMinutesLeft: null, overdue: false };
  return { workingMinutesLeft: minutesLeft(now, request.dueAt, calendar, request.urgency), overdue: request.dueAt.getTime() <= now.getTime() };
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
  urgency: Urgency,
  now: Date,
  calendar: WorkingCalendar = DEFAULT_CALENDAR,
): AssignmentTimeLeft {
  const active = assignment.status === 'unclaimed' || assignment.status === 'claimed';
  return {
    claimWorkingMinutesLeft: assignment.status === 'unclaimed' ? minutesLeft(now, assignment.claimDueAt, calendar, urgency) : null,
    resolveWorkingMinutesLeft: active ? minutesLeft(now, assignment.dueAt, calendar, urgency) : null,
    overdue: breachOf(assignment, now) !== null,
  };
}
