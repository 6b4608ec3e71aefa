import { Actor } from '@app/common';
import { Command } from '@nestjs/cqrs';
import { CreateDepartmentDto, DepartmentResponse } from './department.dto';

export class CreateDepartmentCommand extends Command<DepartmentResponse> {
  /** `by`: the admin; null for the demo county's seed. */
  constructor(
    readonly input: CreateDepartmentDto,
    readonly by: Actor | null = null,
  ) {
    super();
  }
}
