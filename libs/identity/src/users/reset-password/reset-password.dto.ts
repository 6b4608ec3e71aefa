import { TextField } from '@app/common/http';

export class ResetPasswordDto {
  @TextField({ max: 200, description: 'At least 10 characters, not a common password, not containing the username' })
  password: string;
}
