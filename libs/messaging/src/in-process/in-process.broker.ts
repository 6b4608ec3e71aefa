import { IncomingMessage, MessageBroker, MessageHandler, OutgoingMessage, Subscription } from '../message-broker';

interface Group {
  handler: MessageHandler;
  /** Index of the next message of the topic's log this group has not handled. */
  position: number;
  running: boolean;
  /** The latest delivery loop: closing waits for the message in hand, as a Kafka consumer does. */
  loop: Promise<void>;
  closed: boolean;
}

/**
 * The embedded default's stand-in for Kafka: one ordered log per topic, kept in memory,
 * and one cursor per consumer group. It honours the same contract as the Kafka adapter
 * (a new group reads from the start; a handler sees one message at a time).
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

  async subscribe(groupId: string, topic: string, handler: MessageHandler): Promise<Subscription> {
    await this.ensureTopics([topic]);
    const groups = this.groups.get(topic) ?? new Map<string, Group>();
    this.groups.set(topic, groups);
    const group: Group = { handler, position: groups.get(groupId)?.position ?? 0, running: false, loop: Promise.resolve(), closed: false };
    groups.set(groupId, group);
    this.drain(topic);
    return {
      close: async () => {
        group.closed = true;
        await group.loop;
      },
    };
  }

  private drain(topic: string): void {
    for (const group of this.groups.get(topic)?.values() ?? []) if (!group.running) group.loop = this.run(topic, group);
  }

  private async run(topic: string, group: Group): Promise<void> {
    group.running = true;
    try {
      const log = this.logs.get(topic)!;
      while (!group.closed && group.position < log.length) {
        await group.handler(log[group.position]);
        group.position += 1;
      }
    } catch {
      // A handler that throws leaves its cursor in place, as an uncommitted Kafka offset would.
    } finally {
      group.running = false;
    }
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    const groups = [...this.groups.values()].flatMap((byId) => [...byId.values()]);
    for (const group of groups) group.closed = true;
    await Promise.all(groups.map((group) => group.loop));
  }
}
