import { Actor } from '@app/common';
import { Command } from '@nestjs/cqrs';
import { RoutingPolicyResponse, SaveRoutingPolicyDto } from './routing-policy.dto';

export class SaveRoutingPolicyCommand extends Command<RoutingPolicyResponse> {
  constructor(
    readonly actor: Actor,
    readonly input: SaveRoutingPolicyDto,
  ) {
    super();
  }
}
