import { Actor } from '@app/common';
import { Query } from '@nestjs/cqrs';
import { WhistleResponse } from './whistle.responses';

export class ListWhistlesQuery extends Query<WhistleResponse[]> {
  constructor(
    readonly actor: Actor,
    readonly requestId: string,
  ) {
    super();
  }
}
