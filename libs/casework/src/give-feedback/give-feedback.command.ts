import { Actor } from '@app/common';
import { Command } from '@nestjs/cqrs';
import { RequestResponse } from '../request.responses';
import { GiveFeedbackDto } from './give-feedback.dto';

export class GiveFeedbackCommand extends Command<RequestResponse> {
  constructor(
    readonly actor: Actor,
    readonly requestId: string,
    readonly feedback: GiveFeedbackDto,
  ) {
    super();
  }
}
