import { Actor } from '@app/common';
import { CurrentActor, Roles } from '@app/common/http';
import { Body, Controller, Get, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CategoryResponse, CreateCategoryDto } from './category.dto';
import { CategoryEntity } from './category.entity';
import { CreateCategoryCommand } from './create-category.command';
import { toCategoryResponse } from './create-category.handler';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('categories')
export class CategoriesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly dataSource: DataSource,
  ) {}

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: CategoryResponse })
  create(@CurrentActor() actor: Actor, @Body() body: CreateCategoryDto): Promise<CategoryResponse> {
    return this.commandBus.execute(new CreateCategoryCommand(body, actor));
  }

  @Get()
  @ApiOkResponse({ type: [CategoryResponse] })
  async list(): Promise<CategoryResponse[]> {
    const categories = await this.dataSource.getRepository(CategoryEntity).find({ order: { code: 'ASC' } });
    return categories.map(toCategoryResponse);
  }
}
