import { Actor } from '@app/common';
import { CurrentActor, Roles } from '@app/common/http';
import { Body, Controller, Get, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CalendarDto, CalendarResponse } from './calendar.dto';
import { GetCalendarQuery } from './get-calendar.query';
import { UpdateCalendarCommand } from './update-calendar.command';

/** The working calendar deadlines are counted on: working hours, holidays, make-up working days. */
@ApiTags('deadlines')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @ApiOkResponse({ type: CalendarResponse })
  get(): Promise<CalendarResponse> {
    return this.queryBus.execute(new GetCalendarQuery());
  }

  @Put()
  @Roles('admin')
  @ApiOkResponse({ type: CalendarResponse })
  update(@CurrentActor() actor: Actor, @Body() body: CalendarDto): Promise<CalendarResponse> {
    return this.commandBus.execute(new UpdateCalendarCommand(actor, body));
  }
}
