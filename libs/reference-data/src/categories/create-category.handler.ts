import { AuditLog } from '@app/audit';
import { DomainError, toOffsetIso } from '@app/common';
import { isUniqueViolation, UnitOfWork } from '@app/persistence';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { DepartmentEntity } from '../departments/department.entity';
import { CategoryResponse } from './category.dto';
import { CategoryEntity } from './category.entity';
import { CreateCategoryCommand } from './create-category.command';

export function toCategoryResponse(category: CategoryEntity): CategoryResponse {
  return {
    id: category.id,
    code: category.code,
    name: category.name,
    leadDepartment: category.leadDepartmentCode,
    assistingDepartments: category.assistingDepartmentCodes,
    createdAt: toOffsetIso(category.createdAt),
  };
}

@CommandHandler(CreateCategoryCommand)
export class CreateCategoryHandler implements ICommandHandler<CreateCategoryCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditLog,
  ) {}

  async execute({ input, by }: CreateCategoryCommand): Promise<CategoryResponse> {
    const assisting = input.assistingDepartments;
    if (new Set(assisting).size !== assisting.length) {
      throw DomainError.invalid('REFERENCE.REPEATED_DEPARTMENT', 'assistingDepartments must not repeat a department');
    }
    if (assisting.includes(input.leadDepartment)) {
      throw DomainError.invalid('REFERENCE.LEAD_ALSO_ASSISTS', 'assistingDepartments must not include the leadDepartment');
    }
    try {
      return await this.unitOfWork.run(async (manager) => {
        const known = new Set(
          (
            await manager.getRepository(DepartmentEntity).find({
              select: { code: true },
              where: { code: In([input.leadDepartment, ...assisting]) },
            })
          ).map((d) => d.code),
        );
        if (!known.has(input.leadDepartment)) {
          throw DomainError.invalid('REFERENCE.UNKNOWN_DEPARTMENT', `leadDepartment: no department has code ${input.leadDepartment}`);
        }
        const unknown = assisting.filter((code) => !known.has(code));
        if (unknown.length > 0) {
          throw DomainError.invalid('REFERENCE.UNKNOWN_DEPARTMENT', `assistingDepartments: no department has code ${unknown.join(', ')}`);
        }
        const repository = manager.getRepository(CategoryEntity);
        const saved = await repository.save(
          repository.create({
            id: randomUUID(),
            code: input.code,
            name: input.name,
            leadDepartmentCode: input.leadDepartment,
            assistingDepartmentCodes: assisting,
          }),
        );
        await this.audit.record(manager, {
          actor: by,
          action: 'category.created',
          target: { type: 'category', id: saved.code },
          details: { code: saved.code, name: saved.name, leadDepartment: saved.leadDepartmentCode, assistingDepartments: saved.assistingDepartmentCodes },
        });
        return toCategoryResponse(saved);
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw DomainError.conflict('REFERENCE.DUPLICATE_CODE', `code: a category with code ${input.code} already exists`);
      }
      throw error;
    }
  }
}
