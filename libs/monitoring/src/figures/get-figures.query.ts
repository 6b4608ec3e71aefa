import { Actor } from '@app/common';
import { Query } from '@nestjs/cqrs';
import { Figures } from './figures.response';

export type FiguresTarget = { kind: 'grid' | 'street' | 'department'; code: string };

export class GetFiguresQuery extends Query<Figures> {
  constructor(
    readonly actor: Actor,
    readonly target: FiguresTarget,
    readonly from: string | undefined,
    readonly to: string | undefined,
  ) {
    super();
  }
}
