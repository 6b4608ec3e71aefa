import { APP_CONFIG, AppConfig } from '@app/common';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { defer, finalize, Observable, Subject } from 'rxjs';
import { DataSource } from 'typeorm';
import { RecipientKind } from '../domain/recipients';
import { NoticeRow, toNoticeResponse } from '../notice.response';
import type { NoticeResponse } from '../notice.response';

export interface LiveNotice {
  recipientKind: RecipientKind;
  recipientCode: string;
  notice: Omit<NoticeResponse, 'readAt'>;
}

/**
 * How far back each look reaches. A notice is found by every look within this time of its
 * transaction's start, so one whose transaction commits late (up to this long) is still pushed.
 */
const WINDOW_SECONDS = 30;

/**
 * New notices, for the live streams of this replica. Notices are written by whichever process
 * handled the event (a department handler, another api replica), so every replica looks in the
 * table itself: one query each NOTICE_POLL_MS while at least one stream is open, over the last
 * WINDOW_SECONDS of notices, passing on those it has not passed on before.
 */
@Injectable()
export class NoticeFeed implements OnModuleDestroy {
  private readonly logger = new Logger(NoticeFeed.name);
  private readonly subject = new Subject<LiveNotice>();
  private readonly seen = new Map<string, number>();
  private streams = 0;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  /** Every new notice from the time of subscribing; polling runs while anyone subscribes. */
  readonly notices$: Observable<LiveNotice> = defer(() => {
    this.streams += 1;
    if (this.timer === null) this.schedule();
    return this.subject.pipe(finalize(() => (this.streams -= 1)));
  });

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleDestroy(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.subject.complete();
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      void this.look().finally(() => {
        this.timer = null;
        if (!this.stopped && this.streams > 0) this.schedule();
      });
    }, this.config.noticePollMs);
  }

  private async look(): Promise<void> {
    try {
      const rows = (await this.dataSource.query(
        `SELECT id, recipient_kind, recipient_code, kind, request_id, tracking_no, title, created_at, data
           FROM notices WHERE created_at > now() - make_interval(secs => $1) ORDER BY position`,
        [WINDOW_SECONDS],
      )) as Array<NoticeRow & { recipient_kind: RecipientKind; recipient_code: string }>;
      const now = Date.now();
      for (const row of rows) {
        if (this.seen.has(row.id)) continue;
        this.seen.set(row.id, now);
        const notice = toNoticeResponse({ ...row, read_at: null });
        this.subject.next({
          recipientKind: row.recipient_kind,
          recipientCode: row.recipient_code,
          notice: { id: notice.id, kind: notice.kind, requestId: notice.requestId, trackingNo: notice.trackingNo, title: notice.title, createdAt: notice.createdAt, data: notice.data },
        });
      }
      for (const [id, at] of this.seen) if (now - at > 4 * WINDOW_SECONDS * 1000) this.seen.delete(id);
    } catch (error) {
      this.logger.warn({ err: error }, 'could not look for new notices; will look again');
    }
  }
}
