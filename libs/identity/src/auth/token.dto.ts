import { TextField } from '@app/common/http';
import { ApiProperty } from '@nestjs/swagger';

export class TokenRequestDto {
  @TextField({ max: 60 }) username: string;
  @TextField({ max: 200 }) password: string;
}

export class TokenResponse {
  @ApiProperty() accessToken: string;
  @ApiProperty({ description: 'Seconds until the token expires' }) expiresIn: number;
  @ApiProperty() tokenType: 'Bearer';
}
