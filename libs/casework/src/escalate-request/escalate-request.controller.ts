import { Actor } from '@app/common';
import { CurrentActor, Roles, UuidParam } from '@app/common/http';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequestResponse } from '../request.responses';
import { EscalateRequestCommand } from './escalate-request.command';
import { EscalateRequestDto } from './escalate-request.dto';

@ApiTags('requests')
@ApiBearerAuth()
@Controller('requests')
export class EscalateRequestController {
  constructor(private readonly commandBus: CommandBus) {}

  /** 吹哨: the grid task becomes a joint case routed by the current policy; 409 unless it is an open grid task. */
  @Post(':id/escalate')
  @HttpCode(200)
  @Roles('grid_worker')
  @ApiOkResponse({ type: RequestResponse })
  escalate(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: EscalateRequestDto): Promise<RequestResponse> {
    return this.commandBus.execute(new EscalateRequestCommand(actor, id, body.reason));
  }
}
