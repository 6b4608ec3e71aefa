import { Actor } from '@app/common';
import { Command } from '@nestjs/cqrs';
import { UserResponse } from '../user.dto';
import { UpdateUserDto } from './update-user.dto';

export class UpdateUserCommand extends Command<UserResponse> {
  constructor(
    readonly by: Actor,
    readonly userId: string,
    readonly input: UpdateUserDto,
  ) {
    super();
  }
}
