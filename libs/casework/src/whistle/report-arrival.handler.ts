import { DomainError, toOffsetIso } from '@app/common';
import { UnitOfWork } from '@app/persistence';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { lockRequest } from '../database/request-locks';
import { WhistleSummonsEntity } from '../database/whistle-summons.entity';
import { EVENT_TYPES } from '../domain/event-types';
import { attendanceOf } from '../domain/whistle-attendance';
import { RequestTimeline } from '../timeline/request-timeline';
import { ReportArrivalCommand } from './report-arrival.command';
import { findWhistles, toWhistleResponse } from './whistle-records';
import { WhistleResponse } from './whistle.responses';

/** 报到: a summoned department's staff report that it is on site; the first report counts. */
@CommandHandler(ReportArrivalCommand)
export class ReportArrivalHandler implements ICommandHandler<ReportArrivalCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly timeline: RequestTimeline,
  ) {}

  async execute({ actor, requestId, whistleId }: ReportArrivalCommand): Promise<WhistleResponse> {
    return this.unitOfWork.run(async (manager) => {
      const request = await lockRequest(manager, requestId);
      const record = (await findWhistles(manager, request.id)).find((r) => r.whistle.id === whistleId);
      if (!record) throw DomainError.notFound('CASEWORK.WHISTLE_NOT_FOUND', `request ${request.id} has no whistle ${whistleId}`);
      const summons = record.summons.find((s) => s.departmentCode === actor.departmentCode);
      if (!summons) {
        throw DomainError.forbidden('CASEWORK.NOT_SUMMONED', `this whistle did not summon your department ${actor.departmentCode}`);
      }
      if (summons.arrivedAt) {
        throw DomainError.conflict(
          'CASEWORK.ALREADY_ARRIVED',
          `cannot report arrival: ${summons.departmentCode} already reported at ${toOffsetIso(summons.arrivedAt)} (${summons.arrivedBy})`,
        ).with({ departmentCode: summons.departmentCode, arrivedBy: summons.arrivedBy, arrivedAt: toOffsetIso(summons.arrivedAt) });
      }
      const now = new Date();
      Object.assign(summons, { arrivedAt: now, arrivedBy: actor.username });
      await manager
        .getRepository(WhistleSummonsEntity)
        .update({ whistleId, departmentCode: summons.departmentCode }, { arrivedAt: now, arrivedBy: actor.username });
      await this.timeline.append(
        manager,
        request,
        [
          {
            type: EVENT_TYPES.requestWhistleArrival,
            actor: actor.username,
            payload: {
              whistleId,
              departmentCode: summons.departmentCode,
              arrivedAt: toOffsetIso(now),
              deadlineAt: toOffsetIso(record.whistle.deadlineAt),
              attendance: attendanceOf(record.whistle.deadlineAt, now, now),
            },
          },
        ],
        now,
      );
      return toWhistleResponse(record, now);
    });
  }
}
