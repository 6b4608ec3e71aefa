import { Actor, DomainError } from '@app/common';
import type { RequestStatus } from './lifecycle';
import type { Route } from './routing-policy';

interface LinkSide {
  id: string;
  categoryCode: string;
  route: Route;
  status: RequestStatus;
}

/** A grid worker of the duplicate's grid, or staff of a department assigned to the original. */
export function canLinkDuplicate(actor: Actor, duplicateGridCode: string, originalDepartments: readonly string[]): boolean {
  switch (actor.role) {
    case 'grid_worker':
      return actor.gridCodes.includes(duplicateGridCode);
    case 'dept_staff':
      return actor.departmentCode !== null && originalDepartments.includes(actor.departmentCode);
    case 'admin':
    case 'leader':
      return false;
  }
}

/**
 * A duplicate is linked before anyone works on it: an open grid task, closed on linking. A joint
 * duplicate has departments' assignments under way and is merged by them, not here.
 */
export function assertCanLink(duplicate: LinkSide, original: LinkSide): void {
  if (duplicate.id === original.id) throw DomainError.invalid('CASEWORK.SELF_DUPLICATE', 'originalId: a request cannot duplicate itself');
  if (duplicate.categoryCode !== original.categoryCode) {
    throw DomainError.invalid(
      'CASEWORK.DUPLICATE_CATEGORY',
      `originalId: the original is a ${original.categoryCode} request, this one ${duplicate.categoryCode}`,
    );
  }
  // Narrower than the transition table (which also closes a resolved request on feedback): only an unworked one.
  if (duplicate.status !== 'open') {
    throw DomainError.conflict('CASEWORK.REQUEST_STATE', `cannot link as a duplicate: the request is ${duplicate.status}`);
  }
  if (duplicate.route !== 'grid') {
    throw DomainError.conflict('CASEWORK.DUPLICATE_IS_JOINT', 'cannot link as a duplicate: the request is a joint case with its own assignments');
  }
  if (original.status !== 'open' && original.status !== 'in_progress') {
    throw DomainError.conflict('CASEWORK.ORIGINAL_STATE', `cannot link to the original: the original is ${original.status}`);
  }
}

/** Reports of one matter: the original and each duplicate linked to it. */
export function reportsOf(duplicateCount: number): number {
  return 1 + duplicateCount;
}

/** A cluster past the policy's threshold turns a grid task joint (大事全网联办). */
export function clusterTurnsJoint(original: { route: Route; status: RequestStatus }, reports: number, clusterThreshold: number): boolean {
  return original.route === 'grid' && original.status === 'open' && reports >= clusterThreshold;
}
