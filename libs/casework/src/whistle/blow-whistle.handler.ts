import { DomainError, toOffsetIso, watchesGrid, worksInGrid } from '@app/common';
import { departmentTopic } from '@app/messaging';
import { UnitOfWork } from '@app/persistence';
import { DepartmentEntity } from '@app/reference-data';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { lockRequest } from '../database/request-locks';
import { WhistleSummonsEntity } from '../database/whistle-summons.entity';
import { WhistleEntity } from '../database/whistle.entity';
import { EVENT_TYPES } from '../domain/event-types';
import { assertRequestActive } from '../domain/lifecycle';
import { DEFAULT_WHISTLE_MINUTES } from '../domain/whistle-attendance';
import { RequestTimeline } from '../timeline/request-timeline';
import { BlowWhistleCommand } from './blow-whistle.command';
import { toWhistleResponse } from './whistle-records';
import { WhistleResponse } from './whistle.responses';

/** 吹哨: the grid summons departments on site; each hears it on its own topic. */
@CommandHandler(BlowWhistleCommand)
export class BlowWhistleHandler implements ICommandHandler<BlowWhistleCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly timeline: RequestTimeline,
  ) {}

  async execute({ actor, requestId, input }: BlowWhistleCommand): Promise<WhistleResponse> {
    return this.unitOfWork.run(async (manager) => {
      const request = await lockRequest(manager, requestId);
      if (!worksInGrid(actor, request.gridCode) && !watchesGrid(actor, request.gridCode)) {
        throw DomainError.forbidden('CASEWORK.GRID_SCOPE', `only grid workers and leaders of grid ${request.gridCode} may blow the whistle`);
      }
      assertRequestActive(request.status, 'blow the whistle');
      const known = await manager.getRepository(DepartmentEntity).find({ select: { code: true }, where: { code: In(input.departments) } });
      const unknown = input.departments.filter((code) => !known.some((d) => d.code === code));
      if (unknown.length > 0) {
        throw DomainError.invalid('CASEWORK.UNKNOWN_DEPARTMENT', `departments: no department has code ${unknown.join(', ')}`);
      }
      const now = new Date();
      const whistle = manager.getRepository(WhistleEntity).create({
        id: randomUUID(),
        requestId: request.id,
        blownBy: actor.username,
        deadlineAt: new Date(now.getTime() + (input.deadlineMinutes ?? DEFAULT_WHISTLE_MINUTES) * 60_000),
        note: input.note ?? null,
        createdAt: now,
      });
      await manager.getRepository(WhistleEntity).insert(whistle);
      const summons = input.departments.map((departmentCode) =>
        manager.getRepository(WhistleSummonsEntity).create({ whistleId: whistle.id, departmentCode, arrivedAt: null, arrivedBy: null }),
      );
      await manager.getRepository(WhistleSummonsEntity).insert(summons);
      await this.timeline.append(
        manager,
        request,
        [
          {
            type: EVENT_TYPES.requestWhistleBlown,
            actor: actor.username,
            payload: {
              whistleId: whistle.id,
              departments: input.departments,
              deadlineAt: toOffsetIso(whistle.deadlineAt),
              note: whistle.note,
              trackingNo: request.trackingNo,
              gridCode: request.gridCode,
              title: request.title,
              location: request.location,
            },
            alsoTo: input.departments.map(departmentTopic),
          },
        ],
        now,
      );
      return toWhistleResponse({ whistle, summons: [...summons].sort((a, b) => a.departmentCode.localeCompare(b.departmentCode)) }, now);
    });
  }
}
