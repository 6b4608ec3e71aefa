import { Actor } from '@app/common';
import { CurrentActor, Roles } from '@app/common/http';
import { Body, Controller, Get, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CreateDepartmentCommand } from './create-department.command';
import { toDepartmentResponse } from './create-department.handler';
import { CreateDepartmentDto, DepartmentResponse } from './department.dto';
import { DepartmentEntity } from './department.entity';

@ApiTags('reference data')
@ApiBearerAuth()
@Controller('departments')
export class DepartmentsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly dataSource: DataSource,
  ) {}

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: DepartmentResponse })
  create(@CurrentActor() actor: Actor, @Body() body: CreateDepartmentDto): Promise<DepartmentResponse> {
    return this.commandBus.execute(new CreateDepartmentCommand(body, actor));
  }

  @Get()
  @ApiOkResponse({ type: [DepartmentResponse] })
  async list(): Promise<DepartmentResponse[]> {
    const departments = await this.dataSource.getRepository(DepartmentEntity).find({ order: { code: 'ASC' } });
    return departments.map(toDepartmentResponse);
  }
}
