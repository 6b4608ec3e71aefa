import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';

export const MESSAGE_MAX_LENGTH = 500;

export class PostMessageDto {
  @ApiProperty({ description: 'What one department on the case tells the others (主办 ↔ 协办), 1 to 500 characters', maxLength: MESSAGE_MAX_LENGTH })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'body must be a string' })
  @Length(1, MESSAGE_MAX_LENGTH, { message: `body must be 1 to ${MESSAGE_MAX_LENGTH} characters` })
  body: string;
}
