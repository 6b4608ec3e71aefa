import { EnumField, IntField } from '@app/common/http';
import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { AUDIT_ACTIONS, AuditAction } from '../audit-log';

const TIME_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

function TimeFilter(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: String, example: '2026-11-27T00:00:00+08:00', description }),
    IsOptional(),
    MaxLength(40),
    IsDateString({ strict: true }, { message: '$property must be an ISO 8601 time with offset' }),
    Matches(TIME_WITH_OFFSET, { message: '$property must be an ISO 8601 time with offset' }),
  );
}

export class ListAuditDto {
  @ApiPropertyOptional({ description: "The actor's username (any case) or user id" })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  @Matches(/^[A-Za-z0-9._-]+$/, { message: 'actor must be a username or a user id' })
  actor?: string;

  @EnumField(AUDIT_ACTIONS, { optional: true }) action?: AuditAction;

  @ApiPropertyOptional({ example: 'user' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z_]{1,40}$/, { message: 'targetType must be a target type such as user, grid or request' })
  targetType?: string;

  @ApiPropertyOptional({ description: 'The id or code of the target' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._:-]{1,100}$/, { message: 'targetId must be an id or a code' })
  targetId?: string;

  @TimeFilter('Entries at or after this time') from?: string;
  @TimeFilter('Entries before this time') to?: string;

  @Type(() => Number) @IntField({ optional: true, min: 1, max: 100_000 }) page?: number;
  @Type(() => Number) @IntField({ optional: true, min: 1, max: 100 }) pageSize?: number;
}
