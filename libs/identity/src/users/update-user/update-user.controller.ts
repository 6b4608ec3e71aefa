import { Actor } from '@app/common';
import { CurrentActor, Roles, UuidParam } from '@app/common/http';
import { Body, Controller, Patch } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UserResponse } from '../user.dto';
import { UpdateUserCommand } from './update-user.command';
import { UpdateUserDto } from './update-user.dto';

@ApiTags('identity')
@ApiBearerAuth()
@Controller('users')
export class UpdateUserController {
  constructor(private readonly commandBus: CommandBus) {}

  /** Role, scope, disabling; the user's tokens are refused from now on (409 for the last admin). */
  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: UserResponse })
  update(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: UpdateUserDto): Promise<UserResponse> {
    return this.commandBus.execute(new UpdateUserCommand(actor, id, body));
  }
}
