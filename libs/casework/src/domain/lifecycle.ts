import { DomainError } from '@app/common';

/** The one table of allowed status transitions, for requests and for assignments. */
export const REQUEST_STATUSES = ['open', 'in_progress', 'resolved', 'closed'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const ASSIGNMENT_STATUSES = ['unclaimed', 'claimed', 'resolved', 'returned'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const ASSIGNMENT_ROLES = ['lead', 'assist'] as const;
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number];

export const REQUEST_TRANSITIONS: Readonly<Record<RequestStatus, readonly RequestStatus[]>> = {
  // open → closed: a request linked as a duplicate of another closes without being worked.
  open: ['in_progress', 'resolved', 'closed'],
  in_progress: ['resolved'],
  resolved: ['closed', 'open'],
  closed: [],
};

export const ASSIGNMENT_TRANSITIONS: Readonly<Record<AssignmentStatus, readonly AssignmentStatus[]>> = {
  unclaimed: ['claimed', 'returned'],
  claimed: ['resolved', 'returned'],
  // Reopened (重办) and sent back go to the department's queue again, not to a person: the table
  // knows states only, and resolved → claimed would let anyone "claim" a resolved assignment.
  resolved: ['unclaimed'],
  returned: ['unclaimed'],
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

/** Whistles, return decisions and extensions act on a request still being worked. */
export function assertRequestActive(status: RequestStatus, action: string): void {
  if (status !== 'open' && status !== 'in_progress') {
    throw DomainError.conflict('CASEWORK.REQUEST_STATE', `cannot ${action}: the request is ${status}`);
  }
}

/** The assisting parts still being worked: the lead may answer the citizen only when there are none. */
export function openAssistingParts<T extends { role: AssignmentRole; status: AssignmentStatus }>(assignments: readonly T[]): T[] {
  return assignments.filter((a) => a.role === 'assist' && (a.status === 'unclaimed' || a.status === 'claimed'));
}
