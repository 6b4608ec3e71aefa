import { Role, ROLES } from '@app/common';
import { ApiProperty } from '@nestjs/swagger';

/** A user as admins see them: never the password hash. */
export class UserResponse {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: [String] }) gridCodes: string[];
  @ApiProperty({ nullable: true, type: String }) departmentCode: string | null;
  @ApiProperty({ description: 'A disabled user cannot sign in, and their tokens are refused' }) disabled: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}
