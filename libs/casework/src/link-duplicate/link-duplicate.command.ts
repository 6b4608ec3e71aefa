import { Actor } from '@app/common';
import { Command } from '@nestjs/cqrs';
import { LinkDuplicateResponse } from './link-duplicate.dto';

export class LinkDuplicateCommand extends Command<LinkDuplicateResponse> {
  constructor(
    readonly actor: Actor,
    readonly duplicateId: string,
    readonly originalId: string,
  ) {
    super();
  }
}
