import { Actor } from '@app/common';
import { Query } from '@nestjs/cqrs';
import { LeaderFigures } from './figures.response';

export class GetLeaderFiguresQuery extends Query<LeaderFigures> {
  constructor(
    readonly actor: Actor,
    readonly from: string | undefined,
    readonly to: string | undefined,
  ) {
    super();
  }
}
