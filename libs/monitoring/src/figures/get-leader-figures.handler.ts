import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { LeaderFigures } from './figures.response';
import { readGridFigures } from './figures-reader';
import { GetLeaderFiguresQuery } from './get-leader-figures.query';
import { leaderScope } from './monitoring-access';
import { parsePeriod } from './monitoring-period';

@QueryHandler(GetLeaderFiguresQuery)
export class GetLeaderFiguresHandler implements IQueryHandler<GetLeaderFiguresQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ actor, from, to }: GetLeaderFiguresQuery): Promise<LeaderFigures> {
    const period = parsePeriod(from, to);
    const scope = leaderScope(actor);
    // Each grid's figures and the total from one pass per figure query (grouping sets).
    const { grids, total } = await readGridFigures(this.dataSource.manager, scope, period);
    return { period: { from: period.from, to: period.to }, grids, total };
  }
}
