import { withTimeout } from '@app/common';
import { Logger } from '@nestjs/common';
import { Consumer, Kafka } from 'kafkajs';
import { ConsumerStatusTracker } from '../consumer-status-tracker';
import { ConsumerStatus, IncomingMessage, MessageHandler, Subscription } from '../message-broker';

export interface SubscriptionLimits {
  /** Longest a consumer may take to connect, subscribe and join before it is replaced. */
  joinMs: number;
  /** Longest a joined consumer may show no sign of life (kafkajs fetches at least every 5 s) before it is replaced. */
  stallMs: number;
  /** How often the watchdog looks. */
  watchMs: number;
  /** Longest close() waits for a consumer to leave its group. */
  leaveMs: number;
}

export const DEFAULT_LIMITS: SubscriptionLimits = {
  // A member killed -9 holds a rejoin up for its session timeout (30 s), then the rebalance runs.
  joinMs: 90_000,
  stallMs: 60_000,
  watchMs: 5_000,
  // Within the 30 s a stopping process has: a loaded machine can take 10 s to end a fetch and leave.
  leaveMs: 20_000,
};

const RESTART_BASE_MS = 500;
const RESTART_MAX_MS = 10_000;

function headersOf(raw: Record<string, unknown> | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw ?? {})) {
    if (value !== undefined) headers[name] = Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
  }
  return headers;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * One group's consumer on one topic, kept alive until closed. kafkajs' own restart is off: it
 * cannot be cancelled (a consumer closed during an outage would rejoin) and it does not cover a
 * consumer that stops without crashing. Here every failure (a crash, a start that throws or
 * hangs, a joined consumer gone silent) replaces the consumer with a fresh one, on a timer that
 * close() cancels; each replacement is counted and logged, and `status()` says where it stands.
 */
export class KafkaSubscription implements Subscription {
  private readonly logger = new Logger('Kafka');
  private readonly tracker: ConsumerStatusTracker;
  private failures = 0;
  private current: Consumer | null = null;
  private restartTimer: NodeJS.Timeout | null = null;
  private readonly watchdog: NodeJS.Timeout;

  constructor(
    private readonly kafka: Kafka,
    readonly groupId: string,
    readonly topic: string,
    private readonly handler: MessageHandler,
    private readonly prepare: () => Promise<void>,
    private readonly limits: SubscriptionLimits,
    private readonly onClosed: (subscription: KafkaSubscription) => void,
  ) {
    this.tracker = new ConsumerStatusTracker(groupId, topic);
    this.watchdog = setInterval(() => this.watch(), limits.watchMs);
    this.watchdog.unref();
    this.startFresh();
  }

  status(): ConsumerStatus {
    return this.tracker.status();
  }

  async close(): Promise<void> {
    if (this.tracker.closed) return;
    this.tracker.enter('closed');
    clearInterval(this.watchdog);
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.onClosed(this);
    const consumer = this.current;
    this.current = null;
    // A group stuck rebalancing can hold disconnect() for a whole session timeout: never block shutdown on it.
    const left = await withTimeout(consumer?.disconnect() ?? Promise.resolve(), this.limits.leaveMs, 'leaving the group').then(
      () => true,
      () => false,
    );
    if (!left) this.logger.warn({ groupId: this.groupId }, `consumer still leaving its group after ${this.limits.leaveMs} ms; the broker drops it when its session expires`);
  }

  private startFresh(): void {
    this.restartTimer = null;
    if (this.tracker.closed) return;
    this.tracker.enter('joining');
    const consumer = this.kafka.consumer({
      groupId: this.groupId,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      retry: { retries: 5, initialRetryTime: 200, maxRetryTime: 5_000, restartOnFailure: async () => false },
    });
    this.current = consumer;
    const mine = (): boolean => this.current === consumer && !this.tracker.closed;
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (mine()) this.replace(`crashed: ${describe(payload.error)}`);
    });
    consumer.on(consumer.events.GROUP_JOIN, () => {
      if (!mine()) return;
      this.failures = 0;
      this.tracker.alive();
      this.tracker.enter('consuming');
    });
    for (const event of [consumer.events.FETCH_START, consumer.events.HEARTBEAT, consumer.events.END_BATCH_PROCESS]) {
      consumer.on(event, () => {
        if (mine()) this.tracker.alive();
      });
    }
    consumer.on(consumer.events.REBALANCING, () => {
      if (mine()) this.tracker.enter('joining');
    });
    withTimeout(this.run(consumer, mine), this.limits.joinMs, 'starting the consumer').catch((error: unknown) => {
      if (mine()) this.replace(`could not start: ${describe(error)}`);
    });
  }

  private async run(consumer: Consumer, mine: () => boolean): Promise<void> {
    await this.prepare();
    await consumer.connect();
    if (!mine()) return;
    await consumer.subscribe({ topic: this.topic, fromBeginning: true });
    if (!mine()) return;
    await consumer.run({
      autoCommit: true,
      // One message at a time per partition: the handler decides retries and dead-lettering,
      // so a message reaches here again only after a crash (at-least-once).
      eachMessage: async ({ topic, partition, message }) => {
        this.tracker.alive();
        const incoming: IncomingMessage = {
          topic,
          partition,
          offset: message.offset,
          key: message.key ? message.key.toString('utf8') : null,
          value: message.value ? message.value.toString('utf8') : null,
          headers: headersOf(message.headers as Record<string, unknown>),
        };
        await this.handler(incoming);
        this.tracker.alive();
      },
    });
  }

  /** Drops the current consumer (leaving in the background) and starts a fresh one after a backoff. */
  private replace(reason: string): void {
    if (this.tracker.closed || this.restartTimer) return;
    const old = this.current;
    this.current = null;
    this.failures += 1;
    const restarts = this.tracker.failed(reason);
    const delay = Math.min(RESTART_MAX_MS, RESTART_BASE_MS * 2 ** (this.failures - 1));
    if (this.failures === 1 || this.failures % 10 === 0) {
      this.logger.warn({ groupId: this.groupId, topic: this.topic, reason, restarts, inMs: delay }, 'consumer restarting');
    }
    void withTimeout(old?.disconnect() ?? Promise.resolve(), this.limits.leaveMs, 'disconnecting').catch(() => undefined);
    this.restartTimer = setTimeout(() => this.startFresh(), delay);
  }

  /** Replaces a consumer that has been joining too long or has gone silent while joined. */
  private watch(): void {
    const now = Date.now();
    const joining = now - this.tracker.enteredAt.getTime();
    const silent = now - this.tracker.lastSignOfLife.getTime();
    if (this.tracker.state === 'joining' && joining > this.limits.joinMs) {
      this.replace(`still joining after ${Math.round(joining / 1000)} s`);
    } else if (this.tracker.state === 'consuming' && silent > this.limits.stallMs) {
      this.replace(`no fetch, heartbeat or message for ${Math.round(silent / 1000)} s`);
    }
  }
}
