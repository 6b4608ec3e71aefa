import { Actor } from '@app/common';
import { CurrentActor, Roles } from '@app/common/http';
import { Body, Controller, Get, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { GetRoutingPolicyQuery } from './get-routing-policy.query';
import { RoutingPolicyResponse, SaveRoutingPolicyDto } from './routing-policy.dto';
import { SaveRoutingPolicyCommand } from './save-routing-policy.command';

/** The policy in force: its version, its rules in the order they are tried, and its thresholds. */
@ApiTags('routing')
@ApiBearerAuth()
@Controller('routing-policy')
export class RoutingPolicyController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @Roles('admin')
  @ApiOkResponse({ type: RoutingPolicyResponse })
  current(): Promise<RoutingPolicyResponse> {
    return this.queryBus.execute(new GetRoutingPolicyQuery());
  }

  /** Saves the rules as the next version and answers it; requests filed before keep their decisions. */
  @Put()
  @Roles('admin')
  @ApiOkResponse({ type: RoutingPolicyResponse })
  save(@CurrentActor() actor: Actor, @Body() body: SaveRoutingPolicyDto): Promise<RoutingPolicyResponse> {
    return this.commandBus.execute(new SaveRoutingPolicyCommand(actor, body));
  }
}
