import { BooleanQueryField, CodeField, EnumField, EnumListQueryField, IntField } from '@app/common/http';
import { Type } from 'class-transformer';
import { IsOptional, IsUUID } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { REQUEST_STATUSES, RequestStatus } from '../domain/lifecycle';
import { Route } from '../domain/routing-policy';

export class PageDto {
  @Type(() => Number) @IntField({ optional: true, min: 1, max: 100_000 }) page?: number;
  @Type(() => Number) @IntField({ optional: true, min: 1, max: 100 }) pageSize?: number;
}

export const REQUEST_SORTS = ['created', 'due'] as const;
export type RequestSort = (typeof REQUEST_SORTS)[number];

export class ListRequestsDto extends PageDto {
  @ApiPropertyOptional({ description: 'Grid id (UUID)' })
  @IsOptional()
  @IsUUID()
  gridId?: string;

  @CodeField({ optional: true, description: 'Grid code, an alternative to gridId' }) gridCode?: string;
  @EnumListQueryField(REQUEST_STATUSES, { optional: true, maxItems: REQUEST_STATUSES.length, description: 'One status, or several by repeating it: status=open&status=in_progress' })
  status?: RequestStatus[];
  @EnumField(['grid', 'joint'] as const, { optional: true }) route?: Route;
  @BooleanQueryField({
    optional: true,
    description: 'true: only the caller’s own work: a grid worker’s or leader’s grids, a member of staff’s department’s assignments (not requests it was only summoned to). Admins have no own work: 400',
  })
  mine?: boolean;
  @EnumField(REQUEST_SORTS, {
    optional: true,
    description: 'created (default): newest first; due: requests still being worked first, overdue ones first, then the soonest due; resolved and closed ones after them',
  })
  sort?: RequestSort;
}
