import { BooleanQueryField, IntField } from '@app/common/http';
import { Type } from 'class-transformer';

export class ListNoticesDto {
  @BooleanQueryField({ optional: true, description: 'true: only the notices the caller has not marked read' }) unread?: boolean;
  @Type(() => Number) @IntField({ optional: true, min: 1, max: 100_000 }) page?: number;
  @Type(() => Number) @IntField({ optional: true, min: 1, max: 100 }) pageSize?: number;
}
