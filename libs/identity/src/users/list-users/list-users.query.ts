import { Query } from '@nestjs/cqrs';
import { UserResponse } from '../user.dto';

export class ListUsersQuery extends Query<UserResponse[]> {}
