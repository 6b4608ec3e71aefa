import { Actor } from '@app/common';
import { Command } from '@nestjs/cqrs';
import { DecideReturnDto } from './decide-return.dto';
import { ReturnDecisionResponse } from './return-decision.response';

export class DecideReturnCommand extends Command<ReturnDecisionResponse> {
  constructor(
    readonly actor: Actor,
    readonly assignmentId: string,
    readonly decision: DecideReturnDto,
  ) {
    super();
  }
}
