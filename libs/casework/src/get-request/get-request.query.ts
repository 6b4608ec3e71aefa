import { Actor } from '@app/common';
import { Query } from '@nestjs/cqrs';
import { RequestResponse } from '../request.responses';

export class GetRequestQuery extends Query<RequestResponse> {
  constructor(
    readonly actor: Actor,
    readonly requestId: string,
  ) {
    super();
  }
}
