import { Query } from '@nestjs/cqrs';
import { CategoryDeadlinesResponse } from './category-deadlines.dto';

export class GetCategoryDeadlinesQuery extends Query<CategoryDeadlinesResponse> {
  constructor(readonly categoryCode: string) {
    super();
  }
}
