import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { Figures } from './figures.response';
import { FigureScope, readFigures } from './figures-reader';
import { GetFiguresQuery } from './get-figures.query';
import { departmentScope, gridScope, streetScope } from './monitoring-access';
import { parsePeriod } from './monitoring-period';

@QueryHandler(GetFiguresQuery)
export class GetFiguresHandler implements IQueryHandler<GetFiguresQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ actor, target, from, to }: GetFiguresQuery): Promise<Figures> {
    const period = parsePeriod(from, to);
    const manager = this.dataSource.manager;
    let scope: FigureScope;
    switch (target.kind) {
      case 'grid':
        scope = await gridScope(manager, actor, target.code);
        break;
      case 'street':
        scope = await streetScope(manager, actor, target.code);
        break;
      case 'department':
        scope = await departmentScope(manager, actor, target.code);
        break;
    }
    return readFigures(manager, scope, period);
  }
}
