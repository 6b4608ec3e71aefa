import { DomainError } from '@app/common';
import { isUniqueViolation } from '@app/persistence';
import { DepartmentEntity, GridEntity } from '@app/reference-data';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { CreateUserCommand } from './create-user.command';
import { hashPassword } from './password';
import { checkScopeFits } from './scope-rules';
import { UserResponse } from './user.dto';
import { UserEntity } from './user.entity';
import { toUserResponse } from './user.mapper';

@CommandHandler(CreateUserCommand)
export class CreateUserHandler implements ICommandHandler<CreateUserCommand> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ input }: CreateUserCommand): Promise<UserResponse> {
    const gridCodes = [...new Set(input.gridCodes ?? [])];
    checkScopeFits(input.role, gridCodes, input.departmentCode);
    if (gridCodes.length > 0) {
      const found = await this.dataSource.getRepository(GridEntity).find({ select: { code: true }, where: { code: In(gridCodes) } });
      const unknown = gridCodes.filter((code) => !found.some((g) => g.code === code));
      if (unknown.length > 0) throw DomainError.invalid('IDENTITY.UNKNOWN_GRID', `gridCodes: no grid has code ${unknown.join(', ')}`);
    }
    if (input.departmentCode) {
      const exists = await this.dataSource.getRepository(DepartmentEntity).exists({ where: { code: input.departmentCode } });
      if (!exists) {
        throw DomainError.invalid('IDENTITY.UNKNOWN_DEPARTMENT', `departmentCode: no department has code ${input.departmentCode}`);
      }
    }
    const repository = this.dataSource.getRepository(UserEntity);
    try {
      const saved = await repository.save(
        repository.create({
          id: randomUUID(),
          username: input.username,
          passwordHash: await hashPassword(input.password),
          role: input.role,
          gridCodes,
          departmentCode: input.departmentCode ?? null,
        }),
      );
      return toUserResponse(saved);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw DomainError.conflict('IDENTITY.DUPLICATE_USERNAME', `username: ${input.username} is already taken`);
      }
      throw error;
    }
  }
}
