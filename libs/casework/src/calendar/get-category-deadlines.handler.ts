import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { readCategoryDeadlines } from './calendar-records';
import { CategoryDeadlinesResponse } from './category-deadlines.dto';
import { GetCategoryDeadlinesQuery } from './get-category-deadlines.query';

@QueryHandler(GetCategoryDeadlinesQuery)
export class GetCategoryDeadlinesHandler implements IQueryHandler<GetCategoryDeadlinesQuery> {
  constructor(private readonly dataSource: DataSource) {}

  execute({ categoryCode }: GetCategoryDeadlinesQuery): Promise<CategoryDeadlinesResponse> {
    return readCategoryDeadlines(this.dataSource.manager, categoryCode);
  }
}
