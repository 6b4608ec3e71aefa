import { Command } from '@nestjs/cqrs';
import { CreateGridDto, GridResponse } from './grid.dto';

export class CreateGridCommand extends Command<GridResponse> {
  constructor(readonly input: CreateGridDto) {
    super();
  }
}
