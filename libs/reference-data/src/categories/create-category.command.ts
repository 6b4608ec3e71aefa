import { Command } from '@nestjs/cqrs';
import { CategoryResponse, CreateCategoryDto } from './category.dto';

export class CreateCategoryCommand extends Command<CategoryResponse> {
  constructor(readonly input: CreateCategoryDto) {
    super();
  }
}
