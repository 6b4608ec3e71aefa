import { DomainError, Role } from '@app/common';

/** Which scope each role needs: grid codes for grid workers and leaders, a department for staff. */
export function checkScopeFits(role: Role, gridCodes: readonly string[], departmentCode: string | undefined): void {
  const needsGrids = role === 'grid_worker' || role === 'leader';
  if (needsGrids && gridCodes.length === 0) {
    throw DomainError.invalid('IDENTITY.SCOPE', `gridCodes must name at least one grid for role ${role}`);
  }
  if (!needsGrids && gridCodes.length > 0) {
    throw DomainError.invalid('IDENTITY.SCOPE', `gridCodes must be empty for role ${role}`);
  }
  if (role === 'dept_staff' && !departmentCode) {
    throw DomainError.invalid('IDENTITY.SCOPE', 'departmentCode is required for role dept_staff');
  }
  if (role !== 'dept_staff' && departmentCode) {
    throw DomainError.invalid('IDENTITY.SCOPE', `departmentCode must be absent for role ${role}`);
  }
}
