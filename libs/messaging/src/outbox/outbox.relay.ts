import { APP_CONFIG, AppConfig } from '@app/common';
import { UnitOfWork } from '@app/persistence';
import { Inject, Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Counter } from 'prom-client';
import { DataSource } from 'typeorm';
import { MessageBroker } from '../message-broker';

/** An arbitrary constant: the advisory lock that lets one relay at a time publish, in order. */
const RELAY_LOCK_ID = 741_852_963;
const BATCH_SIZE = 500;
const MAX_BACKOFF_MS = 5_000;

interface OutboxRow {
  id: string;
  topic: string;
  message_key: string;
  headers: Record<string, string>;
  payload: string;
}

/**
 * Publishes committed outbox rows to the broker, oldest first. Safe in several replicas: a
 * transaction-scoped advisory lock makes the others stand by. A row is marked published only
 * after the broker acknowledged it, in the same transaction that held the lock, so a broker
 * outage delays events and loses none. Every call it waits on has a time limit (the broker's
 * publish timeout, the database's statement and idle-in-transaction timeouts), so a hung call
 * ends in a failure the loop retries; it logs when it fails and when it publishes again.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private nudged = false;
  private failures = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly broker: MessageBroker,
    unitOfWork: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectMetric('outbox_published_total') private readonly published: Counter,
  ) {
    unitOfWork.onAfterCommit(() => this.nudge());
  }

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.runLoop();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.nudge();
    await this.loop;
  }

  nudge(): void {
    this.nudged = true;
    this.wake?.();
  }

  /** Publishes one batch; returns how many rows it published. */
  async relayOnce(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [RELAY_LOCK_ID]);
      if (!locked) return 0;
      const rows: OutboxRow[] = await manager.query(
        'SELECT id, topic, message_key, headers, payload FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT $1',
        [BATCH_SIZE],
      );
      if (rows.length === 0) return 0;
      await this.broker.publish(
        rows.map((row) => ({ topic: row.topic, key: row.message_key, value: row.payload, headers: row.headers })),
      );
      // Marked, and the relay's progress noted for readiness, in one statement.
      await manager.query(
        `WITH marked AS (UPDATE outbox SET published_at = now() WHERE id = ANY($1::bigint[]))
         UPDATE outbox_relay_state SET last_published_at = now() WHERE id = 1`,
        [rows.map((r) => r.id)],
      );
      return rows.length;
    });
  }

  private async runLoop(): Promise<void> {
    while (this.running) {
      this.nudged = false;
      let published = 0;
      try {
        published = await this.relayOnce();
        if (this.failures > 0) this.logger.log({ afterFailures: this.failures, published }, 'outbox relay recovered');
        this.failures = 0;
        this.published.inc(published);
      } catch (error) {
        this.failures += 1;
        if (this.failures === 1 || this.failures % 20 === 0) {
          this.logger.warn({ err: error, failures: this.failures }, 'outbox relay could not publish; will retry');
        }
      }
      if (published === BATCH_SIZE && this.failures === 0) continue;
      const delay =
        this.failures > 0 ? Math.min(MAX_BACKOFF_MS, this.config.outboxPollMs * 2 ** this.failures) : this.config.outboxPollMs;
      await this.sleep(delay, this.failures === 0);
    }
  }

  /** Sleeps `ms`, or less when a commit nudges the relay (not while backing off from failures). */
  private sleep(ms: number, wakeOnNudge: boolean): Promise<void> {
    if (wakeOnNudge && this.nudged) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        if (wakeOnNudge || !this.running) done();
      };
    }).finally(() => {
      this.wake = null;
    });
  }
}
