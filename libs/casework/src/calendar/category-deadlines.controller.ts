import { Actor } from '@app/common';
import { CodeParam, CurrentActor, Roles } from '@app/common/http';
import { Body, Controller, Get, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CategoryDeadlinesDto, CategoryDeadlinesResponse } from './category-deadlines.dto';
import { GetCategoryDeadlinesQuery } from './get-category-deadlines.query';
import { SetCategoryDeadlinesCommand } from './set-category-deadlines.command';

/** Deadlines per category, in working hours or days on the calendar; defaults where unset. */
@ApiTags('deadlines')
@ApiBearerAuth()
@Controller('categories/:code/deadlines')
export class CategoryDeadlinesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @ApiOkResponse({ type: CategoryDeadlinesResponse })
  get(@CodeParam('code') code: string): Promise<CategoryDeadlinesResponse> {
    return this.queryBus.execute(new GetCategoryDeadlinesQuery(code));
  }

  @Put()
  @Roles('admin')
  @ApiOkResponse({ type: CategoryDeadlinesResponse })
  set(@CurrentActor() actor: Actor, @CodeParam('code') code: string, @Body() body: CategoryDeadlinesDto): Promise<CategoryDeadlinesResponse> {
    return this.commandBus.execute(new SetCategoryDeadlinesCommand(actor, code, body));
  }
}
