import { DomainError } from '@app/common';
import { departmentTopic } from '@app/messaging';
import { UnitOfWork } from '@app/persistence';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AssignmentEntity } from '../database/assignment.entity';
import { lockRequest } from '../database/request-locks';
import { departmentsOnCase, messageRecipients } from '../domain/case-messages';
import { EVENT_TYPES } from '../domain/event-types';
import { assertRequestActive } from '../domain/lifecycle';
import { TimelineEntry } from '../request.responses';
import { RequestTimeline } from '../timeline/request-timeline';
import { PostMessageCommand } from './post-message.command';

/**
 * A message between the departments of a joint case (主办 ↔ 协办): on the request's timeline, where
 * every party reads it, and on the other departments' topics, whose handlers put it on their desks.
 */
@CommandHandler(PostMessageCommand)
export class PostMessageHandler implements ICommandHandler<PostMessageCommand> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly timeline: RequestTimeline,
  ) {}

  async execute({ actor, requestId, body }: PostMessageCommand): Promise<TimelineEntry> {
    return this.unitOfWork.run(async (manager) => {
      const request = await lockRequest(manager, requestId);
      const parts = await manager.getRepository(AssignmentEntity).find({ where: { requestId } });
      const sender = actor.departmentCode;
      if (!sender || !departmentsOnCase(parts).includes(sender)) {
        throw DomainError.forbidden('CASEWORK.DEPARTMENT_SCOPE', 'only staff of a department with a part of this request may post on it');
      }
      assertRequestActive(request.status, 'post a message');
      const [posted] = await this.timeline.append(manager, request, [
        {
          type: EVENT_TYPES.requestMessagePosted,
          actor: actor.username,
          payload: { departmentCode: sender, body },
          alsoTo: messageRecipients(parts, sender).map(departmentTopic),
        },
      ]);
      return { sequence: posted.sequence, type: posted.type, occurredAt: posted.occurredAt, actor: actor.username, data: posted.payload };
    });
  }
}
