import { Actor } from '@app/common';
import { Command } from '@nestjs/cqrs';
import { UserResponse } from '../user.dto';
import { CreateUserDto } from './create-user.dto';

export class CreateUserCommand extends Command<UserResponse> {
  /** `by`: the admin creating the user; null for the demo county's seed. */
  constructor(
    readonly input: CreateUserDto,
    readonly by: Actor | null = null,
  ) {
    super();
  }
}
