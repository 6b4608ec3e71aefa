import { AuditLog, changesBetween } from '@app/audit';
import { mutateReturning, UnitOfWork } from '@app/persistence';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { toWorkingCalendar } from '../domain/calendar-rules';
import { CalendarResponse } from './calendar.dto';
import { CALENDAR_COLUMNS, CalendarRow, readCalendar, toCalendarResponse } from './calendar-records';
import { UpdateCalendarCommand } from './update-calendar.command';

/** Replaces the calendar; the version it bumps makes every replica's next filing use the new one. */
@CommandHandler(UpdateCalendarCommand)
export class UpdateCalendarHandler implements ICommandHandler<UpdateCalendarCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditLog,
  ) {}

  async execute({ actor, input }: UpdateCalendarCommand): Promise<CalendarResponse> {
    // Refuses, naming the field, what the DTO's shape checks cannot see: order, overlaps, real dates.
    toWorkingCalendar(input);
    const periods = input.periods.map(({ start, end }) => ({ start, end }));
    return this.unitOfWork.run(async (manager) => {
      const before = toCalendarResponse(await readCalendar(manager, { lock: true }));
      const [row] = await mutateReturning<CalendarRow>(
        manager,
        `UPDATE working_calendar
            SET periods = $1, holidays = $2::date[], make_up_workdays = $3::date[],
                version = version + 1, updated_at = now(), updated_by = $4
          RETURNING ${CALENDAR_COLUMNS}`,
        [JSON.stringify(periods), input.holidays, input.makeUpWorkdays, actor.username],
      );
      const after = toCalendarResponse(row);
      const kept = ({ periods, holidays, makeUpWorkdays }: CalendarResponse) => ({ periods, holidays, makeUpWorkdays });
      await this.audit.record(manager, {
        actor,
        action: 'calendar.updated',
        target: { type: 'calendar', id: String(after.version) },
        details: { changes: changesBetween(kept(before), kept(after)) },
      });
      return after;
    });
  }
}
