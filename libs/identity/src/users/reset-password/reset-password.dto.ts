import { PASSWORD_MIN_LENGTH } from '@app/common';
import { TextField } from '@app/common/http';

export class ResetPasswordDto {
  @TextField({ min: PASSWORD_MIN_LENGTH, max: 200, description: 'At least 10 characters, not a common password, not containing the username' })
  password: string;
}
