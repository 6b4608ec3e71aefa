import { Actor } from '@app/common';
import { Command } from '@nestjs/cqrs';

export class ResetPasswordCommand extends Command<void> {
  constructor(
    readonly by: Actor,
    readonly userId: string,
    readonly password: string,
  ) {
    super();
  }
}
