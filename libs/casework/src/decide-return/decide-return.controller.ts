import { Actor } from '@app/common';
import { CurrentActor, Roles, UuidParam } from '@app/common/http';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DecideReturnCommand } from './decide-return.command';
import { DecideReturnDto } from './decide-return.dto';
import { ReturnDecisionResponse } from './return-decision.response';

@ApiTags('assignments')
@ApiBearerAuth()
@Controller('assignments')
export class DecideReturnController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/return-decision')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ type: ReturnDecisionResponse })
  decide(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: DecideReturnDto): Promise<ReturnDecisionResponse> {
    return this.commandBus.execute(new DecideReturnCommand(actor, id, body));
  }
}
