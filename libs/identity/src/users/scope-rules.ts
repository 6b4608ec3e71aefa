import { DomainError, Role } from '@app/common';
import { DepartmentEntity, GridEntity } from '@app/reference-data';
import { EntityManager, In } from 'typeorm';

/** Which scope each role needs: grid codes for grid workers and leaders, a department for staff. */
export function checkScopeFits(role: Role, gridCodes: readonly string[], departmentCode: string | null | undefined): void {
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

/** The grids and the department a scope names must exist. */
export async function checkScopeExists(manager: EntityManager, gridCodes: readonly string[], departmentCode: string | null | undefined): Promise<void> {
  if (gridCodes.length > 0) {
    const found = await manager.getRepository(GridEntity).find({ select: { code: true }, where: { code: In([...gridCodes]) } });
    const unknown = gridCodes.filter((code) => !found.some((g) => g.code === code));
    if (unknown.length > 0) throw DomainError.invalid('IDENTITY.UNKNOWN_GRID', `gridCodes: no grid has code ${unknown.join(', ')}`);
  }
  if (departmentCode && !(await manager.getRepository(DepartmentEntity).exists({ where: { code: departmentCode } }))) {
    throw DomainError.invalid('IDENTITY.UNKNOWN_DEPARTMENT', `departmentCode: no department has code ${departmentCode}`);
  }
}
