import { Roles } from '@app/common/http';
import { Body, Controller, Get, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CreateUserCommand } from './create-user.command';
import { CreateUserDto, UserResponse } from './user.dto';
import { UserEntity } from './user.entity';
import { toUserResponse } from './user.mapper';

@ApiTags('identity')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly dataSource: DataSource,
  ) {}

  @Post()
  @Roles('admin')
  create(@Body() body: CreateUserDto): Promise<UserResponse> {
    return this.commandBus.execute(new CreateUserCommand(body));
  }

  @Get()
  async list(): Promise<UserResponse[]> {
    const users = await this.dataSource.getRepository(UserEntity).find({ order: { username: 'ASC' } });
    return users.map(toUserResponse);
  }
}
