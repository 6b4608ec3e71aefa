import { Actor } from '@app/common';
import { CurrentActor, Roles, UuidParam } from '@app/common/http';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequestResponse } from '../request.responses';
import { GiveFeedbackCommand } from './give-feedback.command';
import { GiveFeedbackDto } from './give-feedback.dto';

@ApiTags('requests')
@ApiBearerAuth()
@Controller('requests')
export class GiveFeedbackController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/feedback')
  @HttpCode(200)
  @Roles('grid_worker')
  @ApiOkResponse({ type: RequestResponse })
  give(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: GiveFeedbackDto): Promise<RequestResponse> {
    return this.commandBus.execute(new GiveFeedbackCommand(actor, id, body));
  }
}
