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
    disabled: user.disabledAt !== null,
    createdAt: toOffsetIso(user.createdAt),
    updatedAt: toOffsetIso(user.updatedAt),
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
