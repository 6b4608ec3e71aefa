import { Actor } from '@app/common';
import { CurrentActor, Roles, UuidParam } from '@app/common/http';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ExtensionResponse } from '../request-extension/extension.response';
import { DecideExtensionCommand } from './decide-extension.command';
import { DecideExtensionDto } from './decide-extension.dto';

@ApiTags('assignments')
@ApiBearerAuth()
@Controller('assignments')
export class DecideExtensionController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/extension-decision')
  @HttpCode(200)
  @Roles('dept_staff', 'admin')
  @ApiOkResponse({ type: ExtensionResponse })
  decide(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: DecideExtensionDto): Promise<ExtensionResponse> {
    return this.commandBus.execute(new DecideExtensionCommand(actor, id, body));
  }
}
