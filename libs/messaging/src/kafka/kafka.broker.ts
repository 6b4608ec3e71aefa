import { Admin, Consumer, Kafka, logLevel, Partitioners, Producer } from 'kafkajs';
import { Logger } from '@nestjs/common';
import { IncomingMessage, MessageBroker, MessageHandler, OutgoingMessage, Subscription } from '../message-broker';

export interface KafkaBrokerOptions {
  brokers: readonly string[];
  clientId: string;
  partitions: number;
}

function headersOf(raw: Record<string, unknown> | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw ?? {})) {
    if (value !== undefined) headers[name] = Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
  }
  return headers;
}

const RESTART_BASE_MS = 500;
const RESTART_MAX_MS = 10_000;
/** Within the 30 s a stopping process has: a loaded machine can take 10 s to end a fetch and leave. */
const DISCONNECT_WAIT_MS = 20_000;

/** kafkajs behind the messaging port. */
export class KafkaMessageBroker extends MessageBroker {
  private readonly kafka: Kafka;
  private producer: Producer | null = null;
  private producerConnecting: Promise<Producer> | null = null;
  private admin: Admin | null = null;
  private readonly knownTopics = new Set<string>();
  private readonly subscriptions = new Set<Subscription>();

  private readonly logger = new Logger('Kafka');

  constructor(private readonly options: KafkaBrokerOptions) {
    super();
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: [...options.brokers],
      logLevel: logLevel.WARN,
      retry: { retries: 5, initialRetryTime: 200, maxRetryTime: 5000 },
      logCreator: () => (entry) => {
        const { message, ...extra } = entry.log;
        // Retries are bounded on purpose: the relay retries the whole batch, and consumers de-duplicate.
        if (message.startsWith('Limiting retries for the idempotent producer')) return;
        const level = entry.level === logLevel.ERROR ? 'error' : entry.level === logLevel.WARN ? 'warn' : 'debug';
        this.logger[level]({ kafka: entry.namespace, ...extra, msg: message });
      },
    });
  }

  private async getAdmin(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      await admin.connect();
      this.admin = admin;
    }
    return this.admin;
  }

  private async getProducer(): Promise<Producer> {
    if (this.producer) return this.producer;
    this.producerConnecting ??= (async () => {
      // The idempotent producer keeps retried sends from writing duplicates and keeps their order.
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      try {
        await producer.connect();
      } catch (error) {
        this.producerConnecting = null;
        throw error;
      }
      this.producer = producer;
      return producer;
    })();
    return this.producerConnecting;
  }

  async ensureTopics(topics: readonly string[]): Promise<void> {
    const missing = topics.filter((t) => !this.knownTopics.has(t));
    if (missing.length === 0) return;
    const admin = await this.getAdmin();
    const existing = new Set(await admin.listTopics());
    const toCreate = missing.filter((t) => !existing.has(t));
    if (toCreate.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: toCreate.map((topic) => ({ topic, numPartitions: this.options.partitions, replicationFactor: -1 })),
      });
    }
    for (const topic of missing) this.knownTopics.add(topic);
  }

  async publish(messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.ensureTopics([...new Set(messages.map((m) => m.topic))]);
    const producer = await this.getProducer();
    const byTopic = new Map<string, OutgoingMessage[]>();
    for (const message of messages) {
      const list = byTopic.get(message.topic) ?? [];
      list.push(message);
      byTopic.set(message.topic, list);
    }
    await producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, list]) => ({
        topic,
        messages: list.map((m) => ({ key: m.key, value: m.value, headers: m.headers })),
      })),
    });
  }

  async subscribe(groupId: string, topic: string, handler: MessageHandler): Promise<Subscription> {
    await this.ensureTopics([topic]);
    // kafkajs' own restart after a crash cannot be cancelled: a consumer closed during a broker
    // outage would come back and rejoin its group. So kafkajs never restarts; a crash starts a
    // fresh consumer here, on a timer that close() cancels.
    let closed = false;
    let current: Consumer | null = null;
    let timer: NodeJS.Timeout | null = null;
    let failures = 0;
    const restartLater = (): void => {
      if (closed) return;
      failures += 1;
      timer = setTimeout(() => {
        timer = null;
        start().catch(restartLater);
      }, Math.min(RESTART_MAX_MS, RESTART_BASE_MS * 2 ** (failures - 1)));
    };
    const start = async (): Promise<void> => {
      if (closed) return;
      const consumer = this.kafka.consumer({
        groupId,
        sessionTimeout: 30_000,
        heartbeatInterval: 3_000,
        retry: { retries: 5, initialRetryTime: 200, maxRetryTime: 5_000, restartOnFailure: async () => false },
      });
      current = consumer;
      consumer.on(consumer.events.CRASH, ({ payload }) => {
        if (consumer !== current || closed) return;
        this.logger.warn({ groupId, err: payload.error }, 'consumer crashed; starting a fresh one');
        restartLater();
      });
      consumer.on(consumer.events.GROUP_JOIN, () => {
        failures = 0;
        // Last guard: a join that kafkajs was still retrying when close() came leaves at once.
        if (closed) void consumer.disconnect();
      });
      try {
        await consumer.connect();
        if (closed) return void (await consumer.disconnect());
        await consumer.subscribe({ topic, fromBeginning: true });
        // Checked again right before joining the group: close() may have come while subscribing.
        if (closed) return void (await consumer.disconnect());
        await consumer.run({
          autoCommit: true,
          // One message at a time per partition: the handler decides retries and dead-lettering,
          // so a message reaches here again only after a crash (at-least-once).
          eachMessage: async ({ topic: from, partition, message }) => {
            const incoming: IncomingMessage = {
              topic: from,
              partition,
              offset: message.offset,
              key: message.key ? message.key.toString('utf8') : null,
              value: message.value ? message.value.toString('utf8') : null,
              headers: headersOf(message.headers as Record<string, unknown>),
            };
            await handler(incoming);
          },
        });
        // Closed while this consumer was starting: close() disconnected the one before it.
        if (closed) await consumer.disconnect();
      } catch (error) {
        await consumer.disconnect().catch(() => undefined);
        throw error;
      }
    };
    // Known to close() before it has started, so a broker closing meanwhile stops this one too.
    const subscription: Subscription = {
      close: async () => {
        closed = true;
        if (timer) clearTimeout(timer);
        this.subscriptions.delete(subscription);
        // A group stuck rebalancing can hold disconnect() for a whole session timeout: never block shutdown on it.
        const left = await Promise.race([
          (current?.disconnect() ?? Promise.resolve()).then(
            () => true,
            () => true,
          ),
          new Promise<false>((resolve) => setTimeout(() => resolve(false), DISCONNECT_WAIT_MS).unref()),
        ]);
        if (!left) this.logger.warn({ groupId }, `consumer still leaving its group after ${DISCONNECT_WAIT_MS} ms; the broker drops it when its session expires`);
      },
    };
    this.subscriptions.add(subscription);
    try {
      await start();
    } catch (error) {
      this.subscriptions.delete(subscription);
      closed = true;
      throw error;
    }
    return subscription;
  }

  async ping(): Promise<void> {
    const admin = await this.getAdmin();
    await admin.describeCluster();
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.subscriptions].map((c) => c.close()));
    await Promise.allSettled([this.producer?.disconnect(), this.admin?.disconnect()]);
    this.producer = null;
    this.producerConnecting = null;
    this.admin = null;
  }
}
