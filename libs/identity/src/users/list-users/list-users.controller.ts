import { Roles } from '@app/common/http';
import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UserResponse } from '../user.dto';
import { ListUsersQuery } from './list-users.query';

/** Every account with its role and scope: for admins only, since it names every member of staff. */
@ApiTags('identity')
@ApiBearerAuth()
@Controller('users')
export class ListUsersController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Roles('admin')
  @ApiOkResponse({ type: [UserResponse] })
  list(): Promise<UserResponse[]> {
    return this.queryBus.execute(new ListUsersQuery());
  }
}
