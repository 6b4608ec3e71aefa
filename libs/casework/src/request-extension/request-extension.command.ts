import { Actor } from '@app/common';
import { Command } from '@nestjs/cqrs';
import { RequestExtensionDto } from './request-extension.dto';
import { ExtensionResponse } from './extension.response';

export class RequestExtensionCommand extends Command<ExtensionResponse> {
  constructor(
    readonly actor: Actor,
    readonly assignmentId: string,
    readonly input: RequestExtensionDto,
  ) {
    super();
  }
}
