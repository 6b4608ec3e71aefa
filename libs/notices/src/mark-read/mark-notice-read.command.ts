import { Actor } from '@app/common';
import { Command } from '@nestjs/cqrs';
import { NoticeResponse } from '../notice.response';

export class MarkNoticeReadCommand extends Command<NoticeResponse> {
  constructor(
    readonly actor: Actor,
    readonly noticeId: string,
  ) {
    super();
  }
}
