import { CodeField, EnumField, IntField } from '@app/common/http';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** from/to are checked as dates by parsePeriod, which names the field at fault. */
export class PeriodDto {
  @ApiPropertyOptional({ description: 'First day (YYYY-MM-DD, county time); default 29 days before `to`', example: '2026-11-01' })
  @IsOptional()
  @IsString()
  @MaxLength(10, { message: 'from: must be a date as YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ description: 'Last day (YYYY-MM-DD, county time), included; default today', example: '2026-11-30' })
  @IsOptional()
  @IsString()
  @MaxLength(10, { message: 'to: must be a date as YYYY-MM-DD' })
  to?: string;
}

export const EXPORT_SCOPES = ['grid', 'street', 'department', 'me'] as const;
export type ExportScope = (typeof EXPORT_SCOPES)[number];

export class ExportDto extends PeriodDto {
  @EnumField(EXPORT_SCOPES, { description: 'Which figure the rows are behind' }) scope!: ExportScope;
  @CodeField({ optional: true, description: 'Grid, street or department code (not for scope=me)' }) code?: string;
}

export class OverdueDto {
  @CodeField({ optional: true, description: 'Only this grid' }) gridCode?: string;
  @Type(() => Number) @IntField({ optional: true, min: 1, max: 500, description: 'At most this many items (default 100)' }) limit?: number;
}
