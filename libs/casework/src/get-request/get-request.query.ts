import { Actor } from '@app/common';
import { Query } from '@nestjs/cqrs';
import { RequestDetail } from '../request.responses';

export class GetRequestQuery extends Query<RequestDetail> {
  constructor(
    readonly actor: Actor,
    readonly requestId: string,
  ) {
    super();
  }
}
