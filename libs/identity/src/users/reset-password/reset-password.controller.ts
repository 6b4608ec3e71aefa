import { Actor } from '@app/common';
import { CurrentActor, Roles, UuidParam } from '@app/common/http';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { ResetPasswordCommand } from './reset-password.command';
import { ResetPasswordDto } from './reset-password.dto';

@ApiTags('identity')
@ApiBearerAuth()
@Controller('users')
export class ResetPasswordController {
  constructor(private readonly commandBus: CommandBus) {}

  /** An admin sets a new password for a user, who must sign in again with it. */
  @Post(':id/password')
  @HttpCode(204)
  @Roles('admin')
  @ApiNoContentResponse({ description: 'The password is changed and the user signed out everywhere' })
  reset(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: ResetPasswordDto): Promise<void> {
    return this.commandBus.execute(new ResetPasswordCommand(actor, id, body.password));
  }
}
