import { TimeoutError, withTimeout } from '@app/common';
import { Logger } from '@nestjs/common';
import { Admin, ISocketFactory, Kafka, logLevel, Partitioners, Producer } from 'kafkajs';
import { deadLetterTopic } from '../envelope';
import { ConsumerStatus, MessageBroker, MessageHandler, OutgoingMessage, Subscription } from '../message-broker';
import { DEFAULT_LIMITS, KafkaSubscription, SubscriptionLimits } from './kafka-subscription';

export interface KafkaBrokerOptions {
  brokers: readonly string[];
  clientId: string;
  partitions: number;
  /** How consumers are watched; the defaults suit production. */
  limits?: Partial<SubscriptionLimits>;
  /** kafkajs' socket factory, for tests that need to cut the network in a given state. */
  socketFactory?: ISocketFactory;
  /** kafkajs' per-request timeout (default 10 s; fetches and group joins have their own). */
  requestTimeoutMs?: number;
}

/**
 * kafkajs bounds a send itself: 4 attempts of at most REQUEST_TIMEOUT_MS each, with backoff. A send is
 * awaited that long, so that the relay never resends a batch a still-retrying producer may yet
 * deliver (the copy would not be dropped); only a send that outlives kafkajs' own bound counts as
 * hung and is abandoned, its producer replaced.
 */
const REQUEST_TIMEOUT_MS = 10_000;
const PRODUCER_RETRY = { retries: 3, initialRetryTime: 300, maxRetryTime: 3_000 };
const PUBLISH_TIMEOUT_MS = 60_000;
/** Admin calls: topic creation, offsets, cluster description. */
const ADMIN_TIMEOUT_MS = 10_000;

/**
 * A kafkajs client connected on first use. One that is dropped (an admin client after any failure,
 * the producer after a hang) is disconnected and a fresh one connects on the next call: an old
 * client can be left in a state that no retry of its own gets it out of.
 */
class LazyClient<T extends Admin | Producer> {
  private current: Promise<T> | null = null;

  constructor(private readonly create: () => T) {}

  get(): Promise<T> {
    if (this.current) return this.current;
    const connecting = (async () => {
      const client = this.create();
      try {
        await withTimeout(client.connect(), ADMIN_TIMEOUT_MS, 'connecting to Kafka');
      } catch (error) {
        void disconnectQuietly(client);
        throw error;
      }
      return client;
    })();
    this.current = connecting;
    connecting.catch(() => this.drop(connecting));
    return connecting;
  }

  drop(which: Promise<T>): void {
    if (this.current !== which) return;
    this.current = null;
    which.then(disconnectQuietly, () => undefined);
  }

  async close(): Promise<void> {
    const client = this.current;
    this.current = null;
    await client?.then(disconnectQuietly, () => undefined);
  }
}

function disconnectQuietly(client: Admin | Producer): Promise<void> {
  return withTimeout(client.disconnect(), ADMIN_TIMEOUT_MS, 'disconnecting from Kafka').catch(() => undefined);
}

/** kafkajs behind the messaging port. */
export class KafkaMessageBroker extends MessageBroker {
  private readonly kafka: Kafka;
  private readonly producer: LazyClient<Producer>;
  private readonly admin: LazyClient<Admin>;
  private readonly knownTopics = new Set<string>();
  private readonly subscriptions = new Set<KafkaSubscription>();
  private readonly limits: SubscriptionLimits;

  private readonly logger = new Logger('Kafka');

  constructor(private readonly options: KafkaBrokerOptions) {
    super();
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: [...options.brokers],
      logLevel: logLevel.WARN,
      retry: { retries: 5, initialRetryTime: 200, maxRetryTime: 5000 },
      requestTimeout: options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
      socketFactory: options.socketFactory,
      logCreator: () => (entry) => {
        const { message, ...extra } = entry.log;
        // Retries are bounded on purpose: the relay retries the whole batch, and consumers de-duplicate.
        if (message.startsWith('Limiting retries for the idempotent producer')) return;
        const level = entry.level === logLevel.ERROR ? 'error' : entry.level === logLevel.WARN ? 'warn' : 'debug';
        this.logger[level]({ kafka: entry.namespace, ...extra, msg: message });
      },
    });
    this.admin = new LazyClient(() => this.kafka.admin());
    // The idempotent producer keeps retried sends from writing duplicates and keeps their order.
    this.producer = new LazyClient(() =>
      this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        retry: PRODUCER_RETRY,
        createPartitioner: Partitioners.DefaultPartitioner,
      }),
    );
  }

  /** Runs `call` on the admin client within the admin timeout; a failure drops the client. */
  private async withAdmin<T>(what: string, call: (admin: Admin) => Promise<T>): Promise<T> {
    const admin = this.admin.get();
    try {
      return await withTimeout(admin.then(call), ADMIN_TIMEOUT_MS, what);
    } catch (error) {
      this.admin.drop(admin);
      throw error;
    }
  }

  async ensureTopics(topics: readonly string[]): Promise<void> {
    const missing = topics.filter((t) => !this.knownTopics.has(t));
    if (missing.length === 0) return;
    await this.withAdmin('creating topics', async (admin) => {
      const existing = new Set(await admin.listTopics());
      const toCreate = missing.filter((t) => !existing.has(t));
      if (toCreate.length > 0) {
        await admin.createTopics({
          waitForLeaders: true,
          topics: toCreate.map((topic) => ({ topic, numPartitions: this.options.partitions, replicationFactor: -1 })),
        });
      }
    });
    for (const topic of missing) this.knownTopics.add(topic);
  }

  async publish(messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.ensureTopics([...new Set(messages.map((m) => m.topic))]);
    const producer = this.producer.get();
    const byTopic = new Map<string, OutgoingMessage[]>();
    for (const message of messages) {
      const list = byTopic.get(message.topic) ?? [];
      list.push(message);
      byTopic.set(message.topic, list);
    }
    const send = producer.then((p) =>
      p.sendBatch({
        acks: -1,
        timeout: REQUEST_TIMEOUT_MS,
        topicMessages: [...byTopic].map(([topic, list]) => ({
          topic,
          messages: list.map((m) => ({ key: m.key, value: m.value, headers: m.headers })),
        })),
      }),
    );
    try {
      await withTimeout(send, PUBLISH_TIMEOUT_MS, `publishing ${messages.length} messages`);
    } catch (error) {
      // Only a hung producer is replaced: the same idempotent producer resending a batch whose
      // acknowledgement was lost lets the broker drop the copy; a fresh one would write it twice.
      if (error instanceof TimeoutError) this.producer.drop(producer);
      throw error;
    }
  }

  subscribe(groupId: string, topic: string, handler: MessageHandler): Subscription {
    const subscription = new KafkaSubscription(
      this.kafka,
      groupId,
      topic,
      handler,
      () => this.ensureTopics([topic, deadLetterTopic(topic)]),
      this.limits,
      (closed) => this.subscriptions.delete(closed),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  consumers(): ConsumerStatus[] {
    return [...this.subscriptions].map((s) => s.status());
  }

  async consumerLag(groupId: string, topic: string): Promise<number | null> {
    try {
      return await this.withAdmin('reading consumer lag', async (admin) => {
        const [ends, [committed]] = await Promise.all([admin.fetchTopicOffsets(topic), admin.fetchOffsets({ groupId, topics: [topic] })]);
        const position = new Map(committed?.partitions.map((p) => [p.partition, Number(p.offset)]) ?? []);
        return ends.reduce((lag, end) => {
          const at = position.get(end.partition) ?? -1;
          // -1: nothing committed yet; a new group starts from the earliest offset.
          return lag + Math.max(0, Number(end.high) - (at < 0 ? Number(end.low) : at));
        }, 0);
      });
    } catch {
      return null;
    }
  }

  async ping(): Promise<void> {
    await this.withAdmin('describing the cluster', (admin) => admin.describeCluster());
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.subscriptions].map((s) => s.close()));
    await Promise.all([this.producer.close(), this.admin.close()]);
  }
}
