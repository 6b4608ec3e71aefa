import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { LeaderFigures } from './figures.response';
import { readFigures } from './figures-reader';
import { GetLeaderFiguresQuery } from './get-leader-figures.query';
import { leaderScope } from './monitoring-access';
import { parsePeriod } from './monitoring-period';

@QueryHandler(GetLeaderFiguresQuery)
export class GetLeaderFiguresHandler implements IQueryHandler<GetLeaderFiguresQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ actor, from, to }: GetLeaderFiguresQuery): Promise<LeaderFigures> {
    const period = parsePeriod(from, to);
    const scope = leaderScope(actor);
    const manager = this.dataSource.manager;
    const grids = [];
    for (const code of scope.codes) grids.push(await readFigures(manager, { kind: 'grid', code, codes: [code] }, period));
    return { period: { from: period.from, to: period.to }, grids, total: await readFigures(manager, scope, period) };
  }
}
