import { Actor } from '@app/common';
import { Command } from '@nestjs/cqrs';
import { MediaStage } from '../../domain/media';
import { MediaResponse } from '../media.response';

export class AttachMediaCommand extends Command<MediaResponse> {
  constructor(
    readonly actor: Actor,
    readonly requestId: string,
    readonly stage: MediaStage,
    readonly bytes: Buffer,
    /** Makes a retried upload (a phone's offline queue) return the first answer; null when the client sent none. */
    readonly idempotencyKey: string | null,
  ) {
    super();
  }
}
