import { Injectable, Logger } from '@nestjs/common';
import { NoticeChannel, OutboundNotice } from './notice-channel';

/** The default adapter: a log line per notice, where no webhook is configured for the department. */
@Injectable()
export class LoggingNoticeChannel extends NoticeChannel {
  readonly name = 'log' as const;
  private readonly logger = new Logger('OutboundNotice');

  send(departmentCode: string, notice: OutboundNotice): Promise<void> {
    this.logger.log({ departmentCode, noticeId: notice.id, kind: notice.kind, trackingNo: notice.trackingNo }, 'notice for a department');
    return Promise.resolve();
  }
}
