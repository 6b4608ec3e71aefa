import { APP_CONFIG, AppConfig, toOffsetIso } from '@app/common';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NoticeKind, retryDelayMs } from '../domain/notice-kinds';
import { LoggingNoticeChannel } from './logging-notice.channel';
import { NoticeChannel, OutboundNotice } from './notice-channel';
import { WebhookNoticeChannel } from './webhook-notice.channel';

const BATCH = 20;
/** A delivery taken by a process is left to it this long; one that crashed meanwhile is taken again after. */
const LEASE_SECONDS = 120;

interface DueDelivery {
  id: string;
  channel: 'log' | 'webhook';
  target: string;
  attempts: number;
  notice_id: string;
  kind: NoticeKind;
  recipient_code: string;
  request_id: string;
  tracking_no: string;
  title: string;
  created_at: Date;
  data: Record<string, unknown>;
}

/**
 * Sends the department notices waiting in `notice_deliveries`, in every process that runs
 * department handlers. Each delivery is taken for a lease (FOR UPDATE SKIP LOCKED, so processes
 * share the work and none sends one twice at once), sent outside any transaction, then marked
 * delivered, or given its next attempt after a doubling delay, or after the last attempt marked
 * dead with its error: all in the table, so a restart loses nothing.
 */
@Injectable()
export class OutboundNoticeDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboundNoticeDispatcher.name);
  private readonly channels: Record<NoticeChannel['name'], NoticeChannel>;
  private timer: NodeJS.Timeout | null = null;
  private pass: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    logging: LoggingNoticeChannel,
    webhook: WebhookNoticeChannel,
  ) {
    this.channels = { log: logging, webhook };
  }

  onApplicationBootstrap(): void {
    this.schedule();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.pass;
  }

  /** Sends what is due now; answers how many deliveries it tried. */
  async dispatchDue(): Promise<number> {
    const due = (await this.dataSource.query(
      `WITH taken AS (
         UPDATE notice_deliveries SET next_attempt_at = now() + make_interval(secs => $1)
          WHERE id IN (SELECT id FROM notice_deliveries WHERE status = 'pending' AND next_attempt_at <= now()
                        ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED)
          RETURNING id, channel, target, attempts, notice_id)
       SELECT t.id, t.channel, t.target, t.attempts, t.notice_id, n.kind, n.recipient_code, n.request_id, n.tracking_no, n.title, n.created_at, n.data
         FROM taken t JOIN notices n ON n.id = t.notice_id`,
      [LEASE_SECONDS, BATCH],
    )) as DueDelivery[];
    await Promise.all(due.map((delivery) => this.deliver(delivery)));
    return due.length;
  }

  private async deliver(delivery: DueDelivery): Promise<void> {
    const notice: OutboundNotice = {
      id: delivery.notice_id,
      kind: delivery.kind,
      departmentCode: delivery.recipient_code,
      requestId: delivery.request_id,
      trackingNo: delivery.tracking_no,
      title: delivery.title,
      createdAt: toOffsetIso(delivery.created_at),
      data: delivery.data,
    };
    const attempts = delivery.attempts + 1;
    try {
      await this.channels[delivery.channel].send(delivery.target, notice);
      await this.dataSource.query(
        `UPDATE notice_deliveries SET status = 'delivered', attempts = $2, delivered_at = now(), last_error = NULL WHERE id = $1`,
        [delivery.id, attempts],
      );
    } catch (error) {
      const reason = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 2000);
      if (attempts >= this.config.noticeWebhookMaxAttempts) {
        this.logger.error({ deliveryId: delivery.id, noticeId: notice.id, target: delivery.target, attempts, reason }, 'notice delivery dead-lettered');
        await this.dataSource.query(`UPDATE notice_deliveries SET status = 'dead', attempts = $2, last_error = $3 WHERE id = $1`, [delivery.id, attempts, reason]);
      } else {
        const delayMs = retryDelayMs(attempts, this.config.noticeWebhookBackoffMs);
        this.logger.warn({ deliveryId: delivery.id, noticeId: notice.id, target: delivery.target, attempts, reason, retryInMs: delayMs }, 'notice delivery failed; will retry');
        await this.dataSource.query(
          `UPDATE notice_deliveries SET attempts = $2, last_error = $3, next_attempt_at = now() + make_interval(secs => $4) WHERE id = $1`,
          [delivery.id, attempts, reason, delayMs / 1000],
        );
      }
    }
  }

  /** The next pass starts a full interval after the last one ended, so passes never overlap. */
  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.pass = this.dispatchDue().then(
        () => this.schedule(),
        (error: unknown) => {
          this.logger.warn({ err: error }, 'notice dispatch pass failed; will try again');
          this.schedule();
        },
      );
    }, this.config.noticeDispatchMs);
  }
}
