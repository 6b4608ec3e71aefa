import { Actor } from '@app/common';
import { Query } from '@nestjs/cqrs';
import { PageDto } from '../list-requests/list-requests.dto';
import { PendingDecisionPage } from './pending-decision.response';

export class ListDecisionsQuery extends Query<PendingDecisionPage> {
  constructor(
    readonly actor: Actor,
    readonly page: PageDto,
  ) {
    super();
  }
}
