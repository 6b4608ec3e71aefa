import { Actor } from '@app/common';

/** Who may see a request: admins all; grid workers and leaders their grids; staff what their department was assigned. */
export function canSeeRequest(actor: Actor, gridCode: string, assignedDepartments: readonly string[]): boolean {
  switch (actor.role) {
    case 'admin':
      return true;
    case 'grid_worker':
    case 'leader':
      return actor.gridCodes.includes(gridCode);
    case 'dept_staff':
      return actor.departmentCode !== null && assignedDepartments.includes(actor.departmentCode);
  }
}
