import { AuditLog } from '@app/audit';
import { DomainError, toOffsetIso } from '@app/common';
import { departmentTopic } from '@app/messaging';
import { isUniqueViolation, UnitOfWork } from '@app/persistence';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { CreateDepartmentCommand } from './create-department.command';
import { DepartmentResponse } from './department.dto';
import { DepartmentEntity } from './department.entity';

export function toDepartmentResponse(department: DepartmentEntity): DepartmentResponse {
  return {
    id: department.id,
    code: department.code,
    name: department.name,
    topic: departmentTopic(department.code),
    createdAt: toOffsetIso(department.createdAt),
  };
}

@CommandHandler(CreateDepartmentCommand)
export class CreateDepartmentHandler implements ICommandHandler<CreateDepartmentCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditLog,
  ) {}

  async execute({ input, by }: CreateDepartmentCommand): Promise<DepartmentResponse> {
    try {
      return await this.unitOfWork.run(async (manager) => {
        const repository = manager.getRepository(DepartmentEntity);
        const saved = await repository.save(repository.create({ id: randomUUID(), code: input.code, name: input.name }));
        await this.audit.record(manager, {
          actor: by,
          action: 'department.created',
          target: { type: 'department', id: saved.code },
          details: { code: saved.code, name: saved.name },
        });
        return toDepartmentResponse(saved);
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw DomainError.conflict('REFERENCE.DUPLICATE_CODE', `code: a department with code ${input.code} already exists`);
      }
      throw error;
    }
  }
}
