import { DomainError } from '@app/common';
import { UnitOfWork } from '@app/persistence';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EntityManager } from 'typeorm';
import { AssignmentEntity } from '../database/assignment.entity';
import { lockRequest } from '../database/request-locks';
import { RequestEntity } from '../database/request.entity';
import { assertCanLink, canLinkDuplicate, clusterTurnsJoint, reportsOf } from '../domain/duplicates';
import { EVENT_TYPES } from '../domain/event-types';
import { RequestEscalation } from '../escalate-request/request-escalation';
import { toRequestResponse } from '../request.mapper';
import { RoutingPolicyStore } from '../routing-policy/routing-policy.store';
import { RequestTimeline } from '../timeline/request-timeline';
import { LinkDuplicateCommand } from './link-duplicate.command';
import { LinkDuplicateResponse } from './link-duplicate.dto';

/**
 * Links a duplicate to its original: the duplicate closes, the original counts one report more, and
 * a cluster past the policy's threshold turns a grid-task original joint (大事全网联办).
 */
@CommandHandler(LinkDuplicateCommand)
export class LinkDuplicateHandler implements ICommandHandler<LinkDuplicateCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly timeline: RequestTimeline,
    private readonly policies: RoutingPolicyStore,
    private readonly escalation: RequestEscalation,
  ) {}

  async execute({ actor, duplicateId, originalId }: LinkDuplicateCommand): Promise<LinkDuplicateResponse> {
    return this.unitOfWork.run(async (manager) => {
      const { duplicate, original } = await this.lockBoth(manager, duplicateId, originalId);
      const originalAssignments = await manager.getRepository(AssignmentEntity).find({
        where: { requestId: original.id },
        order: { role: 'DESC', departmentCode: 'ASC' },
      });
      if (!canLinkDuplicate(actor, duplicate.gridCode, originalAssignments.map((a) => a.departmentCode))) {
        throw DomainError.forbidden(
          'CASEWORK.DUPLICATE_SCOPE',
          `only a grid worker of grid ${duplicate.gridCode} or staff assigned to the original may link this duplicate`,
        );
      }
      assertCanLink(duplicate, original);

      const now = new Date();
      const from = duplicate.status;
      Object.assign(duplicate, { status: 'closed', duplicateOf: original.id, closedAt: now, updatedAt: now });
      await manager.getRepository(RequestEntity).update(duplicate.id, { status: 'closed', duplicateOf: original.id, closedAt: now });
      const [closed] = await this.timeline.append(
        manager,
        duplicate,
        [
          {
            type: EVENT_TYPES.requestClosedAsDuplicate,
            actor: actor.username,
            payload: { status: 'closed', from, originalId: original.id, originalTrackingNo: original.trackingNo },
          },
        ],
        now,
      );
      duplicate.lastSequence = closed.sequence;

      original.duplicateCount += 1;
      const reports = reportsOf(original.duplicateCount);
      await manager.getRepository(RequestEntity).update(original.id, { duplicateCount: original.duplicateCount });
      const [linked] = await this.timeline.append(
        manager,
        original,
        [
          {
            type: EVENT_TYPES.requestDuplicateLinked,
            actor: actor.username,
            payload: { duplicateId: duplicate.id, duplicateTrackingNo: duplicate.trackingNo, duplicateCount: original.duplicateCount, reports },
          },
        ],
        now,
      );
      original.lastSequence = linked.sequence;

      const { clusterThreshold } = await this.policies.latest(manager);
      if (clusterTurnsJoint(original, reports, clusterThreshold)) {
        await this.escalation.escalate(manager, original, actor, `${reports} reports of the same matter (cluster threshold ${clusterThreshold})`);
      }
      return {
        duplicate: toRequestResponse(duplicate, []),
        original: {
          id: original.id,
          trackingNo: original.trackingNo,
          route: original.route,
          status: original.status,
          duplicateCount: original.duplicateCount,
          reports,
        },
      };
    });
  }

  /** Locks both rows in id order, so two links crossing each other cannot deadlock. */
  private async lockBoth(manager: EntityManager, duplicateId: string, originalId: string): Promise<{ duplicate: RequestEntity; original: RequestEntity }> {
    const locked = new Map<string, RequestEntity>();
    for (const id of [duplicateId, originalId].sort()) locked.set(id, await lockRequest(manager, id));
    return { duplicate: locked.get(duplicateId) as RequestEntity, original: locked.get(originalId) as RequestEntity };
  }
}
