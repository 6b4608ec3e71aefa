import { Actor } from '@app/common';
import { CurrentActor, Roles, UuidParam } from '@app/common/http';
import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { BlowWhistleCommand } from './blow-whistle.command';
import { BlowWhistleDto } from './blow-whistle.dto';
import { ListWhistlesQuery } from './list-whistles.query';
import { ReportArrivalCommand } from './report-arrival.command';
import { WhistleResponse } from './whistle.responses';

@ApiTags('whistles')
@ApiBearerAuth()
@Controller('requests')
export class WhistlesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Post(':id/whistle')
  @Roles('grid_worker', 'leader')
  @ApiCreatedResponse({ type: WhistleResponse })
  blow(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() body: BlowWhistleDto): Promise<WhistleResponse> {
    return this.commandBus.execute(new BlowWhistleCommand(actor, id, body));
  }

  @Post(':id/whistle/:whistleId/arrive')
  @HttpCode(200)
  @Roles('dept_staff')
  @ApiOkResponse({ type: WhistleResponse })
  arrive(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @UuidParam('whistleId') whistleId: string): Promise<WhistleResponse> {
    return this.commandBus.execute(new ReportArrivalCommand(actor, id, whistleId));
  }

  @Get(':id/whistles')
  @ApiOkResponse({ type: [WhistleResponse] })
  list(@CurrentActor() actor: Actor, @UuidParam('id') id: string): Promise<WhistleResponse[]> {
    return this.queryBus.execute(new ListWhistlesQuery(actor, id));
  }
}
