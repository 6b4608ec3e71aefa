import { Actor } from '@app/common';
import { Query } from '@nestjs/cqrs';
import { NoticePage } from '../notice.response';
import { ListNoticesDto } from './list-notices.dto';

export class ListNoticesQuery extends Query<NoticePage> {
  constructor(
    readonly actor: Actor,
    readonly filters: ListNoticesDto,
  ) {
    super();
  }
}
