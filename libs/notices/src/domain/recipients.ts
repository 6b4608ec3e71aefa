import type { Actor } from '@app/common';

export type RecipientKind = 'department' | 'grid';

/** Whose notices a user reads: staff their department's; grid workers and leaders their grids'; admins none. */
export function receives(actor: Actor, notice: { recipientKind: RecipientKind; recipientCode: string }): boolean {
  switch (actor.role) {
    case 'dept_staff':
      return notice.recipientKind === 'department' && notice.recipientCode === actor.departmentCode;
    case 'grid_worker':
    case 'leader':
      return notice.recipientKind === 'grid' && actor.gridCodes.includes(notice.recipientCode);
    case 'admin':
      return false;
  }
}

/** receives() as an SQL condition on a `notices` row aliased `n`; `placeholder` registers a parameter. */
export function receivedCondition(actor: Actor, placeholder: (value: unknown) => string): string {
  switch (actor.role) {
    case 'dept_staff':
      return actor.departmentCode === null ? 'FALSE' : `(n.recipient_kind = 'department' AND n.recipient_code = ${placeholder(actor.departmentCode)})`;
    case 'grid_worker':
    case 'leader':
      return `(n.recipient_kind = 'grid' AND n.recipient_code = ANY(${placeholder([...actor.gridCodes])}::varchar[]))`;
    case 'admin':
      return 'FALSE';
  }
}
