import { Actor } from '@app/common';
import { Command } from '@nestjs/cqrs';
import { ExtensionResponse } from '../request-extension/extension.response';
import { DecideExtensionDto } from './decide-extension.dto';

export class DecideExtensionCommand extends Command<ExtensionResponse> {
  constructor(
    readonly actor: Actor,
    readonly assignmentId: string,
    readonly decision: DecideExtensionDto,
  ) {
    super();
  }
}
