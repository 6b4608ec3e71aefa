import { Actor } from '@app/common';
import { Command } from '@nestjs/cqrs';
import { CategoryDeadlinesDto, CategoryDeadlinesResponse } from './category-deadlines.dto';

export class SetCategoryDeadlinesCommand extends Command<CategoryDeadlinesResponse> {
  constructor(
    readonly actor: Actor,
    readonly categoryCode: string,
    readonly input: CategoryDeadlinesDto,
  ) {
    super();
  }
}
