import { Actor } from '@app/common';
import { Command } from '@nestjs/cqrs';
import { RequestResponse } from '../request.responses';
import { FileRequestDto } from './file-request.dto';

export class FileRequestCommand extends Command<RequestResponse> {
  constructor(
    readonly actor: Actor,
    readonly input: FileRequestDto,
    /** Makes a retried filing return the first answer; null when the client sent none. */
    readonly idempotencyKey: string | null,
  ) {
    super();
  }
}
