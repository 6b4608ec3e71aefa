import { Actor } from '@app/common';
import { Command } from '@nestjs/cqrs';
import { CategoryResponse, CreateCategoryDto } from './category.dto';

export class CreateCategoryCommand extends Command<CategoryResponse> {
  /** `by`: the admin; null for the demo county's seed. */
  constructor(
    readonly input: CreateCategoryDto,
    readonly by: Actor | null = null,
  ) {
    super();
  }
}
