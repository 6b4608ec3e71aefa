import { Query } from '@nestjs/cqrs';
import { CalendarResponse } from './calendar.dto';

export class GetCalendarQuery extends Query<CalendarResponse> {}
