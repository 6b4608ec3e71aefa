import { IntField, TextField } from '@app/common/http';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsOptional, Matches, MaxLength } from 'class-validator';
import { LONGEST_DEADLINE } from '../domain/deadlines';

/** Exactly one of requestedDueAt and extraWorkingHours; the handler says so when both or neither come. */
export class RequestExtensionDto {
  @ApiPropertyOptional({ type: String, example: '2026-12-04T17:30:00+08:00', description: 'The new due time, ISO 8601 with offset' })
  @IsOptional()
  @MaxLength(40)
  @IsDateString({ strict: true }, { message: 'requestedDueAt must be an ISO 8601 time with offset' })
  @Matches(/(Z|[+-]\d\d:\d\d)$/, { message: 'requestedDueAt must be an ISO 8601 time with offset' })
  requestedDueAt?: string;

  @IntField({ optional: true, min: 1, max: LONGEST_DEADLINE.workingHours, description: 'Working hours to add to the current due time' })
  extraWorkingHours?: number;

  @TextField({ max: 1000, description: 'Why more time is needed' }) reason: string;
}
