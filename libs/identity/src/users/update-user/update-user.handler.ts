import { AuditLog, changesBetween } from '@app/audit';
import { UnitOfWork } from '@app/persistence';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { checkScopeExists, checkScopeFits } from '../scope-rules';
import { UserResponse } from '../user.dto';
import { UserEntity } from '../user.entity';
import { toUserResponse } from '../user.mapper';
import { assertAnotherAdminRemains, lockUserForChange } from '../user-locks';
import { UpdateUserCommand } from './update-user.command';

/** Changes a user's role, scope or state; the raised token version refuses their older tokens at once. */
@CommandHandler(UpdateUserCommand)
export class UpdateUserHandler implements ICommandHandler<UpdateUserCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditLog,
  ) {}

  async execute({ by, userId, input }: UpdateUserCommand): Promise<UserResponse> {
    return this.unitOfWork.run(async (manager) => {
      const user = await lockUserForChange(manager, userId);
      const role = input.role ?? user.role;
      const roleChanged = role !== user.role;
      // A new role starts from an empty scope: a grid worker's grids mean nothing to staff.
      const gridCodes = input.gridCodes ? [...new Set(input.gridCodes)] : roleChanged ? [] : user.gridCodes;
      const departmentCode = input.departmentCode ?? (roleChanged ? null : user.departmentCode);
      checkScopeFits(role, gridCodes, departmentCode);
      await checkScopeExists(manager, gridCodes, departmentCode);
      const disabledAt = input.disabled === undefined ? user.disabledAt : input.disabled ? (user.disabledAt ?? new Date()) : null;
      if (user.role === 'admin' && user.disabledAt === null && (role !== 'admin' || disabledAt !== null)) {
        await assertAnotherAdminRemains(manager, user.id);
      }
      const before = { role: user.role, gridCodes: user.gridCodes, departmentCode: user.departmentCode, disabled: user.disabledAt !== null };
      const changed = changesBetween(before, { role, gridCodes, departmentCode, disabled: disabledAt !== null });
      // Saying again what holds changes nothing: the user keeps their tokens, the log gets no entry.
      if (Object.keys(changed).length === 0) return toUserResponse(user);
      const changes = { role, gridCodes, departmentCode, disabledAt, tokenVersion: user.tokenVersion + 1, updatedAt: new Date() };
      await manager.getRepository(UserEntity).update(user.id, changes);
      await this.audit.record(manager, {
        actor: by,
        action: 'user.updated',
        target: { type: 'user', id: user.id },
        details: { username: user.username, changes: changed },
      });
      return toUserResponse(Object.assign(user, changes));
    });
  }
}
