import { PASSWORD_MIN_LENGTH, Role, ROLES } from '@app/common';
import { CodeField, CodeListField, EnumField, TextField } from '@app/common/http';
import { Matches } from 'class-validator';

export const USERNAME_PATTERN = /^[A-Za-z0-9._-]+$/;

export class CreateUserDto {
  @TextField({ min: 3, max: 60, description: 'Unique whatever its case; sign-in ignores the case' })
  @Matches(USERNAME_PATTERN, { message: 'username may hold only letters, digits, ".", "_" and "-"' })
  username: string;

  @TextField({ min: PASSWORD_MIN_LENGTH, max: 200, description: 'At least 10 characters, not a common password, not containing the username' })
  password: string;

  @EnumField(ROLES) role: Role;
  @CodeListField({ optional: true, maxItems: 100, description: 'Grids of a grid worker or a leader' }) gridCodes?: string[];
  @CodeField({ optional: true, description: 'Department of a member of staff' }) departmentCode?: string;
}
