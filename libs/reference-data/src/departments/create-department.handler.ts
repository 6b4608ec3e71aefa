import { DomainError, toOffsetIso } from '@app/common';
import { departmentTopic } from '@app/messaging';
import { isUniqueViolation } from '@app/persistence';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
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
  constructor(private readonly dataSource: DataSource) {}

  async execute({ input }: CreateDepartmentCommand): Promise<DepartmentResponse> {
    const repository = this.dataSource.getRepository(DepartmentEntity);
    try {
      const saved = await repository.save(repository.create({ id: randomUUID(), code: input.code, name: input.name }));
      return toDepartmentResponse(saved);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw DomainError.conflict('REFERENCE.DUPLICATE_CODE', `code: a department with code ${input.code} already exists`);
      }
      throw error;
    }
  }
}
