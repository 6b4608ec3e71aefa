import { DomainError } from '@app/common';
import { UnitOfWork } from '@app/persistence';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { receives, RecipientKind } from '../domain/recipients';
import { NoticeResponse, NoticeRow, toNoticeResponse } from '../notice.response';
import { MarkNoticeReadCommand } from './mark-notice-read.command';

/** Marks a notice read for the caller alone (a colleague's stays unread); marking it again changes nothing. */
@CommandHandler(MarkNoticeReadCommand)
export class MarkNoticeReadHandler implements ICommandHandler<MarkNoticeReadCommand> {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async execute({ actor, noticeId }: MarkNoticeReadCommand): Promise<NoticeResponse> {
    return this.unitOfWork.run(async (manager) => {
      const [notice] = (await manager.query(
        `SELECT id, recipient_kind, recipient_code, kind, request_id, tracking_no, title, created_at, data FROM notices WHERE id = $1`,
        [noticeId],
      )) as Array<NoticeRow & { recipient_kind: RecipientKind; recipient_code: string }>;
      if (!notice) throw DomainError.notFound('NOTICES.NOT_FOUND', `no notice has id ${noticeId}`);
      if (!receives(actor, { recipientKind: notice.recipient_kind, recipientCode: notice.recipient_code })) {
        throw DomainError.forbidden('NOTICES.SCOPE', 'this notice is for another department or grid');
      }
      await manager.query('INSERT INTO notice_reads (notice_id, user_id, read_at) VALUES ($1, $2, now()) ON CONFLICT DO NOTHING', [noticeId, actor.userId]);
      const [read] = (await manager.query('SELECT read_at FROM notice_reads WHERE notice_id = $1 AND user_id = $2', [noticeId, actor.userId])) as {
        read_at: Date;
      }[];
      return toNoticeResponse({ ...notice, read_at: read.read_at });
    });
  }
}
