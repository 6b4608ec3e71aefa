import { AuditLog } from '@app/audit';
import { DomainError, toOffsetIso } from '@app/common';
import { isUniqueViolation, UnitOfWork } from '@app/persistence';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { CreateGridCommand } from './create-grid.command';
import { GridResponse } from './grid.dto';
import { GridEntity } from './grid.entity';

export function toGridResponse(grid: GridEntity): GridResponse {
  return {
    id: grid.id,
    code: grid.code,
    name: grid.name,
    streetCode: grid.streetCode,
    boundary: grid.boundary,
    createdAt: toOffsetIso(grid.createdAt),
  };
}

@CommandHandler(CreateGridCommand)
export class CreateGridHandler implements ICommandHandler<CreateGridCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditLog,
  ) {}

  async execute({ input, by }: CreateGridCommand): Promise<GridResponse> {
    try {
      return await this.unitOfWork.run(async (manager) => {
        const repository = manager.getRepository(GridEntity);
        const grid = await repository.save(
          repository.create({
            id: randomUUID(),
            code: input.code,
            name: input.name,
            streetCode: input.streetCode ?? null,
            boundary: input.boundary ?? null,
          }),
        );
        await this.audit.record(manager, {
          actor: by,
          action: 'grid.created',
          target: { type: 'grid', id: grid.code },
          // The boundary's points say nothing a reader of the log needs; that there is one does.
          details: { code: grid.code, name: grid.name, streetCode: grid.streetCode, hasBoundary: grid.boundary !== null },
        });
        return toGridResponse(grid);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw DomainError.conflict('REFERENCE.DUPLICATE_CODE', `code: a grid with code ${input.code} already exists`);
      throw error;
    }
  }
}
