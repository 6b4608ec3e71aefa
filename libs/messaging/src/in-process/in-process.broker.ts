import { deadLetterTopic } from '../envelope';
import { ConsumerStatus, IncomingMessage, MessageBroker, MessageHandler, OutgoingMessage, Subscription } from '../message-broker';

/** A handler that threw gets its message again after this pause, as a restarted Kafka consumer would. */
const RETRY_AFTER_MS = 1_000;

interface Group {
  groupId: string;
  topic: string;
  handler: MessageHandler;
  /** Index of the next message of the topic's log this group has not handled. */
  position: number;
  running: boolean;
  /** The latest delivery loop: closing waits for the message in hand, as a Kafka consumer does. */
  loop: Promise<void>;
  closed: boolean;
  since: Date;
  lastActivityAt: Date | null;
  restarts: number;
  lastError: string | null;
  retry: NodeJS.Timeout | null;
}

/**
 * The embedded default's stand-in for Kafka: one ordered log per topic, kept in memory,
 * and one cursor per consumer group. It honours the same contract as the Kafka adapter
 * (a new group reads from the start; a handler sees one message at a time; a message whose
 * handler failed comes again).
 */
export class InProcessMessageBroker extends MessageBroker {
  private readonly logs = new Map<string, IncomingMessage[]>();
  private readonly groups = new Map<string, Map<string, Group>>();

  async ensureTopics(topics: readonly string[]): Promise<void> {
    for (const topic of topics) if (!this.logs.has(topic)) this.logs.set(topic, []);
  }

  async publish(messages: readonly OutgoingMessage[]): Promise<void> {
    const touched = new Set<string>();
    for (const message of messages) {
      await this.ensureTopics([message.topic]);
      const log = this.logs.get(message.topic)!;
      log.push({
        topic: message.topic,
        partition: 0,
        offset: String(log.length),
        key: message.key,
        value: message.value,
        headers: { ...message.headers },
      });
      touched.add(message.topic);
    }
    for (const topic of touched) this.drain(topic);
  }

  subscribe(groupId: string, topic: string, handler: MessageHandler): Subscription {
    for (const name of [topic, deadLetterTopic(topic)]) if (!this.logs.has(name)) this.logs.set(name, []);
    const groups = this.groups.get(topic) ?? new Map<string, Group>();
    this.groups.set(topic, groups);
    const group: Group = {
      groupId,
      topic,
      handler,
      position: groups.get(groupId)?.position ?? 0,
      running: false,
      loop: Promise.resolve(),
      closed: false,
      since: new Date(),
      lastActivityAt: null,
      restarts: 0,
      lastError: null,
      retry: null,
    };
    groups.set(groupId, group);
    this.drain(topic);
    return {
      status: () => this.statusOf(group),
      close: async () => {
        group.closed = true;
        if (group.retry) clearTimeout(group.retry);
        if (groups.get(groupId) === group) groups.delete(groupId);
        await group.loop;
      },
    };
  }

  consumers(): ConsumerStatus[] {
    return [...this.groups.values()].flatMap((groups) => [...groups.values()].map((g) => this.statusOf(g)));
  }

  async consumerLag(groupId: string, topic: string): Promise<number | null> {
    const group = this.groups.get(topic)?.get(groupId);
    return group ? (this.logs.get(topic)?.length ?? 0) - group.position : null;
  }

  private statusOf(group: Group): ConsumerStatus {
    return {
      groupId: group.groupId,
      topic: group.topic,
      state: group.closed ? 'closed' : group.retry ? 'restarting' : 'consuming',
      since: group.since,
      lastActivityAt: group.lastActivityAt,
      restarts: group.restarts,
      lastError: group.lastError,
    };
  }

  private drain(topic: string): void {
    for (const group of this.groups.get(topic)?.values() ?? []) if (!group.running && !group.retry) group.loop = this.run(topic, group);
  }

  private async run(topic: string, group: Group): Promise<void> {
    group.running = true;
    try {
      const log = this.logs.get(topic)!;
      while (!group.closed && group.position < log.length) {
        await group.handler(log[group.position]);
        group.position += 1;
        group.lastActivityAt = new Date();
      }
    } catch (error) {
      // The cursor stays in place, as an uncommitted Kafka offset would, and the message comes again.
      if (group.closed) return;
      group.since = new Date();
      group.restarts += 1;
      group.lastError = error instanceof Error ? error.message : String(error);
      group.retry = setTimeout(() => {
        group.retry = null;
        group.since = new Date();
        if (!group.running) group.loop = this.run(topic, group);
      }, RETRY_AFTER_MS);
      group.retry.unref();
    } finally {
      group.running = false;
    }
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    const groups = [...this.groups.values()].flatMap((byId) => [...byId.values()]);
    for (const group of groups) {
      group.closed = true;
      if (group.retry) clearTimeout(group.retry);
    }
    await Promise.all(groups.map((group) => group.loop));
  }
}
