import { Actor } from '@app/common';
import { Command } from '@nestjs/cqrs';
import { RequestResponse } from '../request.responses';

export class EscalateRequestCommand extends Command<RequestResponse> {
  constructor(
    /** The grid worker who escalates; null for the system (an overdue grid task). */
    readonly actor: Actor | null,
    readonly requestId: string,
    readonly reason: string,
  ) {
    super();
  }
}
