import { Actor } from '@app/common';
import { Query } from '@nestjs/cqrs';
import { OverdueList } from './figures.response';

export class ListOverdueQuery extends Query<OverdueList> {
  constructor(
    readonly actor: Actor,
    readonly gridCode: string | undefined,
    readonly limit: number,
  ) {
    super();
  }
}
