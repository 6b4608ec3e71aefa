import { Actor } from '@app/common';
import { Command } from '@nestjs/cqrs';
import { BlowWhistleDto } from './blow-whistle.dto';
import { WhistleResponse } from './whistle.responses';

export class BlowWhistleCommand extends Command<WhistleResponse> {
  constructor(
    readonly actor: Actor,
    readonly requestId: string,
    readonly input: BlowWhistleDto,
  ) {
    super();
  }
}
