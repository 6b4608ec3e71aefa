import { CodeField, EnumField, IntField } from '@app/common/http';
import { Type } from 'class-transformer';
import { IsOptional, IsUUID } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { REQUEST_STATUSES, RequestStatus } from '../domain/lifecycle';
import { Route } from '../domain/routing-policy';

export class PageDto {
  @Type(() => Number) @IntField({ optional: true, min: 1, max: 100_000 }) page?: number;
  @Type(() => Number) @IntField({ optional: true, min: 1, max: 100 }) pageSize?: number;
}

export class ListRequestsDto extends PageDto {
  @ApiPropertyOptional({ description: 'Grid id (UUID)' })
  @IsOptional()
  @IsUUID()
  gridId?: string;

  @CodeField({ optional: true, description: 'Grid code, an alternative to gridId' }) gridCode?: string;
  @EnumField(REQUEST_STATUSES, { optional: true }) status?: RequestStatus;
  @EnumField(['grid', 'joint'] as const, { optional: true }) route?: Route;
}
