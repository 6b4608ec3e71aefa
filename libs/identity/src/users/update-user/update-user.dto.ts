import { Role, ROLES } from '@app/common';
import { BooleanField, CodeField, CodeListField, EnumField } from '@app/common/http';

/**
 * What an admin may change; fields left out stay as they are, except that a new role starts
 * from an empty scope (give the grids or the department it needs). Every change refuses the
 * tokens the user holds, so it applies at their next call.
 */
export class UpdateUserDto {
  @EnumField(ROLES, { optional: true }) role?: Role;
  @CodeListField({ optional: true, maxItems: 100, description: 'Grids of a grid worker or a leader' }) gridCodes?: string[];
  @CodeField({ optional: true, description: 'Department of a member of staff' }) departmentCode?: string;
  @BooleanField({ optional: true, description: 'true: the user cannot sign in and their tokens are refused' }) disabled?: boolean;
}
