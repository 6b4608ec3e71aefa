import { Actor, belongsToDepartment, DomainError } from '@app/common';
import { AssignmentEntity } from '../database/assignment.entity';

export function assertOwnDepartment(actor: Actor, assignment: AssignmentEntity): void {
  if (!belongsToDepartment(actor, assignment.departmentCode)) {
    throw DomainError.forbidden(
      'CASEWORK.DEPARTMENT_SCOPE',
      `this assignment belongs to department ${assignment.departmentCode}, not to yours`,
    );
  }
}
