import { Command } from '@nestjs/cqrs';
import { CreateDepartmentDto, DepartmentResponse } from './department.dto';

export class CreateDepartmentCommand extends Command<DepartmentResponse> {
  constructor(readonly input: CreateDepartmentDto) {
    super();
  }
}
