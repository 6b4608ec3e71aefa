import { Actor } from '@app/common';
import { CurrentActor, Roles, UuidParam } from '@app/common/http';
import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { ExtensionResponse } from './extension.response';
import { RequestExtensionCommand } from './request-extension.command';
import { RequestExtensionDto } from './request-extension.dto';

@ApiTags('assignments')
@ApiBearerAuth()
@Controller('assignments')
export class RequestExtensionController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/extend')
  @Roles('dept_staff')
  @ApiCreatedResponse({ type: ExtensionResponse })
  extend(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: RequestExtensionDto): Promise<ExtensionResponse> {
    return this.commandBus.execute(new RequestExtensionCommand(actor, id, body));
  }
}
