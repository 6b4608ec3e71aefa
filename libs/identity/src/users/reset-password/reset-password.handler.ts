import { AuditLog } from '@app/audit';
import { UnitOfWork } from '@app/persistence';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { assertPasswordAllowed, hashPassword } from '../password';
import { UserEntity } from '../user.entity';
import { lockUserForChange } from '../user-locks';
import { ResetPasswordCommand } from './reset-password.command';

/** Sets a new password chosen by an admin; the tokens issued before are refused from now on. */
@CommandHandler(ResetPasswordCommand)
export class ResetPasswordHandler implements ICommandHandler<ResetPasswordCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditLog,
  ) {}

  async execute({ by, userId, password }: ResetPasswordCommand): Promise<void> {
    const passwordHash = await hashPassword(password);
    await this.unitOfWork.run(async (manager) => {
      const user = await lockUserForChange(manager, userId);
      assertPasswordAllowed(password, user.username);
      await manager.getRepository(UserEntity).update(user.id, { passwordHash, tokenVersion: user.tokenVersion + 1, updatedAt: new Date() });
      // Who set a new password for whom; never the password or its hash.
      await this.audit.record(manager, { actor: by, action: 'user.password_reset', target: { type: 'user', id: user.id }, details: { username: user.username } });
    });
  }
}
