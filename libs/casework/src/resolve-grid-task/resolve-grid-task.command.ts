import { Actor } from '@app/common';
import { Command } from '@nestjs/cqrs';
import { RequestResponse } from '../request.responses';

export class ResolveGridTaskCommand extends Command<RequestResponse> {
  constructor(
    readonly actor: Actor,
    readonly requestId: string,
    readonly note: string,
  ) {
    super();
  }
}
