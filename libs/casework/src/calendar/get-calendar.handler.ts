import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { CalendarResponse } from './calendar.dto';
import { readCalendar, toCalendarResponse } from './calendar-records';
import { GetCalendarQuery } from './get-calendar.query';

@QueryHandler(GetCalendarQuery)
export class GetCalendarHandler implements IQueryHandler<GetCalendarQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute(): Promise<CalendarResponse> {
    return toCalendarResponse(await readCalendar(this.dataSource.manager));
  }
}
