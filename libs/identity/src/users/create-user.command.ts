import { Command } from '@nestjs/cqrs';
import { CreateUserDto, UserResponse } from './user.dto';

export class CreateUserCommand extends Command<UserResponse> {
  constructor(readonly input: CreateUserDto) {
    super();
  }
}
