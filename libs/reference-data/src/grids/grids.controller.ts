import { Actor } from '@app/common';
import { CurrentActor, Roles } from '@app/common/http';
import { Body, Controller, Get, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CreateGridCommand } from './create-grid.command';
import { toGridResponse } from './create-grid.handler';
import { CreateGridDto, GridResponse } from './grid.dto';
import { GridEntity } from './grid.entity';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('grids')
export class GridsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly dataSource: DataSource,
  ) {}

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: GridResponse })
  create(@CurrentActor() actor: Actor, @Body() body: CreateGridDto): Promise<GridResponse> {
    return this.commandBus.execute(new CreateGridCommand(body, actor));
  }

  @Get()
  @ApiOkResponse({ type: [GridResponse] })
  async list(): Promise<GridResponse[]> {
    const grids = await this.dataSource.getRepository(GridEntity).find({ order: { code: 'ASC' } });
    return grids.map(toGridResponse);
  }
}
