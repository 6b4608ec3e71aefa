import { DomainError } from '@app/common';

/** The one table of allowed status transitions, for requests and for assignments. */
export const REQUEST_STATUSES = ['open', 'in_progress', 'resolved', 'closed'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const ASSIGNMENT_STATUSES = ['unclaimed', 'claimed', 'resolved', 'returned'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const ASSIGNMENT_ROLES = ['lead', 'assist'] as const;
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number];

export const REQUEST_TRANSITIONS: Readonly<Record<RequestStatus, readonly RequestStatus[]>> = {
  open: ['in_progress', 'resolved'],
  in_progress: ['resolved'],
  resolved: ['closed', 'open'],
  closed: [],
};

export const ASSIGNMENT_TRANSITIONS: Readonly<Record<AssignmentStatus, readonly AssignmentStatus[]>> = {
  unclaimed: ['claimed', 'returned'],
  claimed: ['resolved', 'returned'],
  resolved: [],
  returned: [],
};

export function canMoveRequest(from: RequestStatus, to: RequestStatus): boolean {
  return REQUEST_TRANSITIONS[from].includes(to);
}

export function canMoveAssignment(from: AssignmentStatus, to: AssignmentStatus): boolean {
  return ASSIGNMENT_TRANSITIONS[from].includes(to);
}

/** Throws the 409 that names the current state when `to` is not allowed from `from`. */
export function assertRequestTransition(from: RequestStatus, to: RequestStatus, action: string): void {
  if (!canMoveRequest(from, to)) {
    throw DomainError.conflict('CASEWORK.REQUEST_STATE', `cannot ${action}: the request is ${from}`);
  }
}

export function assertAssignmentTransition(from: AssignmentStatus, to: AssignmentStatus, action: string): void {
  if (!canMoveAssignment(from, to)) {
    throw DomainError.conflict('CASEWORK.ASSIGNMENT_STATE', `cannot ${action}: the assignment is ${from}`);
  }
}

/** A joint case is resolved when each of its assignments is resolved or was returned. */
export function jointCaseIsResolved(assignments: ReadonlyArray<{ status: AssignmentStatus }>): boolean {
  return assignments.length > 0 && assignments.every((a) => a.status === 'resolved' || a.status === 'returned') &&
    assignments.some((a) => a.status === 'resolved');
}
