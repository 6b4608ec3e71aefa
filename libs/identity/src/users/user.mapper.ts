import { Actor, toOffsetIso } from '@app/common';
import { UserResponse } from './user.dto';
import { UserEntity } from './user.entity';

export function toUserResponse(user: UserEntity): UserResponse {
  return {
    id: user.id,
    username: user.username,
    role: user.role,
    gridCodes: user.gridCodes,
    departmentCode: user.departmentCode,
    createdAt: toOffsetIso(user.createdAt),
  };
}

export function toActor(user: UserEntity): Actor {
  return {
    userId: user.id,
    username: user.username,
    role: user.role,
    gridCodes: user.gridCodes,
    departmentCode: user.departmentCode,
  };
}
