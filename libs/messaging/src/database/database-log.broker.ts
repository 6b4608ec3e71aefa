import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConsumerStatusTracker } from '../consumer-status-tracker';
import { ConsumerStatus, IncomingMessage, MessageBroker, MessageHandler, OutgoingMessage, Subscription } from '../message-broker';

/** Serialises publishers, so that positions become visible in the order they were drawn. */
const PUBLISH_LOCK_ID = 741_852_965;
const BATCH = 100;
/** A group with nothing to read looks again this often (a publish in this process wakes it at once). */
const POLL_MS = 1_000;
/** A handler or a query that failed is tried again after this pause. */
const RETRY_MS = 1_000;

interface Row {
  position: string;
  message_key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

/**
 * The embedded default's stand-in for Kafka, for a single process without a broker: each topic is
 * a log in PostgreSQL (`embedded_topic_messages`) and each consumer group's committed position is a
 * row (`embedded_consumer_offsets`), so a restart, a crash or a kill loses no event and handles
 * none twice in effect (at least once, as with Kafka; the inbox drops the repeats). It honours the
 * port's contract: a new group reads from the start, a handler sees one message at a time, a
 * message whose handler failed comes again, and closing waits for the message in hand.
 */
export class DatabaseLogBroker extends MessageBroker {
  private readonly loops = new Set<GroupLoop>();

  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async ensureTopics(): Promise<void> {
    // A topic is the set of its rows: nothing to create.
  }

  async publish(messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [PUBLISH_LOCK_ID]);
      await manager.query(
        `INSERT INTO embedded_topic_messages (topic, message_key, value, headers)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[])`,
        [messages.map((m) => m.topic), messages.map((m) => m.key), messages.map((m) => m.value), messages.map((m) => JSON.stringify(m.headers))],
      );
    });
    const topics = new Set(messages.map((m) => m.topic));
    for (const loop of this.loops) if (topics.has(loop.topic)) loop.wake();
  }

  subscribe(groupId: string, topic: string, handler: MessageHandler): Subscription {
    const loop = new GroupLoop(this.dataSource, groupId, topic, handler, (done) => this.loops.delete(done));
    this.loops.add(loop);
    return loop;
  }

  consumers(): ConsumerStatus[] {
    return [...this.loops].map((loop) => loop.status());
  }

  async consumerLag(groupId: string, topic: string): Promise<number | null> {
    try {
      const [row] = (await this.dataSource.query(
        `SELECT count(*)::int AS lag FROM embedded_topic_messages
          WHERE topic = $2 AND position > coalesce((SELECT position FROM embedded_consumer_offsets WHERE group_id = $1 AND topic = $2), 0)`,
        [groupId, topic],
      )) as { lag: number }[];
      return row.lag;
    } catch {
      return null;
    }
  }

  async ping(): Promise<void> {
    // The log lives in the database, which readiness checks on its own.
  }

  async close(): Promise<void> {
    await Promise.all([...this.loops].map((loop) => loop.close()));
  }
}

/** One group reading one topic, from its committed position, until closed. */
class GroupLoop implements Subscription {
  private readonly logger = new Logger('DatabaseLogBroker');
  private readonly tracker: ConsumerStatusTracker;
  private wakeUp: (() => void) | null = null;
  /** A publish came while the loop was not waiting: its next wait ends at once. */
  private nudged = false;
  private readonly running: Promise<void>;

  constructor(
    private readonly dataSource: DataSource,
    readonly groupId: string,
    readonly topic: string,
    private readonly handler: MessageHandler,
    private readonly onClosed: (loop: GroupLoop) => void,
  ) {
    this.tracker = new ConsumerStatusTracker(groupId, topic);
    this.running = this.run();
  }

  status(): ConsumerStatus {
    return this.tracker.status();
  }

  wake(): void {
    this.nudged = true;
    this.wakeUp?.();
  }

  async close(): Promise<void> {
    if (this.tracker.closed) return this.running;
    this.tracker.enter('closed');
    this.onClosed(this);
    this.wake();
    await this.running;
  }

  private isClosed(): boolean {
    return this.tracker.closed;
  }

  private async run(): Promise<void> {
    let position: number | null = null;
    while (!this.isClosed()) {
      try {
        position ??= await this.committed();
        this.tracker.enter('consuming');
        this.nudged = false;
        const rows = (await this.dataSource.query(
          `SELECT position, message_key, value, headers FROM embedded_topic_messages
            WHERE topic = $1 AND position > $2 ORDER BY position LIMIT ${BATCH}`,
          [this.topic, position],
        )) as Row[];
        this.tracker.alive();
        if (rows.length === 0) {
          await this.pause(POLL_MS);
          continue;
        }
        for (const row of rows) {
          if (this.isClosed()) break;
          await this.handler(this.toMessage(row));
          await this.commit(Number(row.position));
          position = Number(row.position);
          this.tracker.alive();
        }
      } catch (error) {
        if (this.isClosed()) break;
        // The position stays where it was committed, as an uncommitted Kafka offset would: the message comes again.
        position = null;
        const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        const restarts = this.tracker.failed(reason);
        if (restarts === 1 || restarts % 20 === 0) {
          this.logger.warn({ groupId: this.groupId, topic: this.topic, reason, restarts }, 'consumer retrying');
        }
        await this.pause(RETRY_MS);
      }
    }
  }

  private async committed(): Promise<number> {
    const [row] = (await this.dataSource.query('SELECT position FROM embedded_consumer_offsets WHERE group_id = $1 AND topic = $2', [
      this.groupId,
      this.topic,
    ])) as { position: string }[];
    return row ? Number(row.position) : 0;
  }

  private async commit(position: number): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO embedded_consumer_offsets (group_id, topic, position) VALUES ($1, $2, $3)
       ON CONFLICT (group_id, topic) DO UPDATE SET position = excluded.position`,
      [this.groupId, this.topic, position],
    );
  }

  private toMessage(row: Row): IncomingMessage {
    return { topic: this.topic, partition: 0, offset: row.position, key: row.message_key, value: row.value, headers: row.headers };
  }

  /** Waits `ms`, or less when a publish or close wakes the loop. */
  private pause(ms: number): Promise<void> {
    if (this.isClosed() || this.nudged) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeUp = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }
}
