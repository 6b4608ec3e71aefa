import { Actor } from '@app/common';
import { Command } from '@nestjs/cqrs';
import { CalendarDto, CalendarResponse } from './calendar.dto';

export class UpdateCalendarCommand extends Command<CalendarResponse> {
  constructor(
    readonly actor: Actor,
    readonly input: CalendarDto,
  ) {
    super();
  }
}
