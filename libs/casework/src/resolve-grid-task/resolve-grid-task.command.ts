import { Actor } from '@app/common';
import { Command } from '@nestjs/cqrs';
import { RequestResponse } from '../request.responses';

export class ResolveGridTaskCommand extends Command<RequestResponse> {
  constructor(
    readonly actor: Actor,
    readonly requestId: string,
    readonly note: string,
    /** Handling photos (处置后) of the request that show the result. */
    readonly mediaIds: readonly string[] = [],
  ) {
    super();
  }
}
