import { DomainError, toOffsetIso } from '@app/common';
import { isUniqueViolation } from '@app/persistence';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
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
  constructor(private readonly dataSource: DataSource) {}

  async execute({ input }: CreateGridCommand): Promise<GridResponse> {
    const grid = this.dataSource.getRepository(GridEntity).create({
      id: randomUUID(),
      code: input.code,
      name: input.name,
      streetCode: input.streetCode ?? null,
      boundary: input.boundary ?? null,
    });
    try {
      return toGridResponse(await this.dataSource.getRepository(GridEntity).save(grid));
    } catch (error) {
      if (isUniqueViolation(error)) throw DomainError.conflict('REFERENCE.DUPLICATE_CODE', `code: a grid with code ${input.code} already exists`);
      throw error;
    }
  }
}
