import { Role, ROLES } from '@app/common';
import { CodeField, CodeListField, EnumField, TextField } from '@app/common/http';
import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class CreateUserDto {
  @TextField({ min: 3, max: 60 })
  @Matches(/^[A-Za-z0-9._-]+$/, { message: 'username may hold only letters, digits, ".", "_" and "-"' })
  username: string;

  @TextField({ min: 8, max: 200 }) password: string;
  @EnumField(ROLES) role: Role;
  @CodeListField({ optional: true, maxItems: 100, description: 'Grids of a grid worker or a leader' }) gridCodes?: string[];
  @CodeField({ optional: true, description: 'Department of a member of staff' }) departmentCode?: string;
}

export class UserResponse {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: [String] }) gridCodes: string[];
  @ApiProperty({ nullable: true, type: String }) departmentCode: string | null;
  @ApiProperty() createdAt: string;
}
