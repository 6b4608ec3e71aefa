import { Actor } from '@app/common';
import { Command } from '@nestjs/cqrs';
import { CreateGridDto, GridResponse } from './grid.dto';

export class CreateGridCommand extends Command<GridResponse> {
  /** `by`: the admin; null for the demo county's seed. */
  constructor(
    readonly input: CreateGridDto,
    readonly by: Actor | null = null,
  ) {
    super();
  }
}
