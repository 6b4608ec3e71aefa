import { AuditLog } from '@app/audit';
import { DomainError } from '@app/common';
import { isUniqueViolation, UnitOfWork } from '@app/persistence';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { assertPasswordAllowed, hashPassword } from '../password';
import { checkScopeExists, checkScopeFits } from '../scope-rules';
import { UserResponse } from '../user.dto';
import { UserEntity } from '../user.entity';
import { toUserResponse } from '../user.mapper';
import { CreateUserCommand } from './create-user.command';

@CommandHandler(CreateUserCommand)
export class CreateUserHandler implements ICommandHandler<CreateUserCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditLog,
  ) {}

  async execute({ input, by }: CreateUserCommand): Promise<UserResponse> {
    const gridCodes = [...new Set(input.gridCodes ?? [])];
    checkScopeFits(input.role, gridCodes, input.departmentCode);
    assertPasswordAllowed(input.password, input.username);
    // Hashed before the transaction: scrypt's 50 ms need no open transaction.
    const passwordHash = await hashPassword(input.password);
    try {
      return await this.unitOfWork.run(async (manager) => {
        await checkScopeExists(manager, gridCodes, input.departmentCode);
        const repository = manager.getRepository(UserEntity);
        const now = new Date();
        const user = repository.create({
          id: randomUUID(),
          username: input.username,
          passwordHash,
          role: input.role,
          gridCodes,
          departmentCode: input.departmentCode ?? null,
          tokenVersion: 0,
          disabledAt: null,
          createdAt: now,
          updatedAt: now,
        });
        await repository.insert(user);
        await this.audit.record(manager, {
          actor: by,
          action: 'user.created',
          target: { type: 'user', id: user.id },
          details: { username: user.username, role: user.role, gridCodes: user.gridCodes, departmentCode: user.departmentCode },
        });
        return toUserResponse(user);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'users_username_lower_key')) {
        throw DomainError.conflict('IDENTITY.DUPLICATE_USERNAME', `username: ${input.username} is already taken (usernames ignore case)`);
      }
      throw error;
    }
  }
}
