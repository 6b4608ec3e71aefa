import { Actor } from '@app/common';
import { Command } from '@nestjs/cqrs';
import { WhistleResponse } from './whistle.responses';

export class ReportArrivalCommand extends Command<WhistleResponse> {
  constructor(
    readonly actor: Actor,
    readonly requestId: string,
    readonly whistleId: string,
  ) {
    super();
  }
}
