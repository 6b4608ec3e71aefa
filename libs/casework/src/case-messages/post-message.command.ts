import { Actor } from '@app/common';
import { Command } from '@nestjs/cqrs';
import { TimelineEntry } from '../request.responses';

export class PostMessageCommand extends Command<TimelineEntry> {
  constructor(
    readonly actor: Actor,
    readonly requestId: string,
    readonly body: string,
  ) {
    super();
  }
}
