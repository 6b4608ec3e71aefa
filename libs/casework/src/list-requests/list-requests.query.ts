import { Actor } from '@app/common';
import { Query } from '@nestjs/cqrs';
import { RequestPage } from '../request.responses';
import { ListRequestsDto } from './list-requests.dto';

export class ListRequestsQuery extends Query<RequestPage> {
  constructor(
    readonly actor: Actor,
    readonly filters: ListRequestsDto,
  ) {
    super();
  }
}
