// Plain kafkajs clients for reading and writing topics from the tests, next to the apps under test.
process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

import type { EventEnvelope } from '@app/messaging';
import { Admin, Consumer, IHeaders, Kafka, logLevel, Partitioners, Producer, RecordMetadata } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { eventually } from './eventually';
import { TEST_KAFKA_BROKERS } from './environment';

// The topic names and envelope keys as PRODUCT.md spells them, not imported from the code: the
// tests hold the code to the contract.
export const REQUESTS_TOPIC = 'governance.requests.v1';
export const departmentTopic = (code: string): string => `governance.dept.${code}.v1`;
export const dlqTopic = (topic: string): string => `${topic}.dlq`;
export const ENVELOPE_KEYS = ['correlationId', 'eventId', 'gridId', 'occurredAt', 'payload', 'requestId', 'sequence', 'type', 'version'];

export interface KafkaRecord {
  topic: string;
  partition: number;
  offset: number;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}


function headersOf(raw: IHeaders | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw ?? {})) {
    if (value === undefined) continue;
    headers[name] = Array.isArray(value) ? value.map(String).join(',') : Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
  }
  return headers;
}

/** The value parsed as an envelope, or null when it is not JSON (poison). */
export function envelopeOf(record: KafkaRecord): EventEnvelope | null {
  try {
    return JSON.parse(record.value ?? '') as EventEnvelope;
  } catch {
    return null;
  }
}

/**
 * The tests' own kafkajs client: never creates topics by accident (the broker would give them
 * its default partition count), each reader in its own consumer group, everything disconnected
 * by close().
 */
export class TestKafka {
  private readonly kafka = new Kafka({
    clientId: `int-test-${process.pid}`,
    brokers: TEST_KAFKA_BROKERS,
    logLevel: logLevel.NOTHING,
    retry: { retries: 8, initialRetryTime: 200, maxRetryTime: 3000 },
  });
  private adminClient: Admin | null = null;
  private producerClient: Producer | null = null;
  private readonly readers = new Set<TopicReader>();

  async admin(): Promise<Admin> {
    if (!this.adminClient) {
      const admin = this.kafka.admin();
      await admin.connect();
      this.adminClient = admin;
    }
    return this.adminClient;
  }

  /** Waits until the apps created these topics (they choose the partition count). */
  async waitForTopics(topics: readonly string[], timeoutMs = 30_000): Promise<void> {
    await eventually(
      `topics ${topics.join(', ')} exist`,
      async () => {
        const existing = new Set(await (await this.admin()).listTopics());
        const missing = topics.filter((t) => !existing.has(t));
        if (missing.length > 0) throw new Error(`missing: ${missing.join(', ')}`);
      },
      { timeoutMs, intervalMs: 250 },
    );
  }

  async partitionsOf(topic: string): Promise<number[]> {
    const metadata = await (await this.admin()).fetchTopicMetadata({ topics: [topic] });
    return metadata.topics[0].partitions.map((p) => p.partitionId).sort((a, b) => a - b);
  }

  /** Offset of the next message each partition will get (the high watermark). */
  async endOffsets(topic: string): Promise<Map<number, number>> {
    const offsets = await (await this.admin()).fetchTopicOffsets(topic);
    return new Map(offsets.map((o) => [o.partition, Number(o.high)]));
  }

  /** The offsets a consumer group committed on a topic, by partition (-1: nothing committed). */
  async committedOffsets(groupId: string, topic: string): Promise<Map<number, number>> {
    const [result] = await (await this.admin()).fetchOffsets({ groupId, topics: [topic] });
    return new Map((result?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
  }

  async produce(message: {
    topic: string;
    key: string | null;
    value: string;
    headers?: Record<string, string>;
    partition?: number;
  }): Promise<RecordMetadata> {
    if (!this.producerClient) {
      const producer = this.kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
      await producer.connect();
      this.producerClient = producer;
    }
    const [metadata] = await this.producerClient.send({
      topic: message.topic,
      acks: -1,
      messages: [{ key: message.key, value: message.value, headers: message.headers, partition: message.partition }],
    });
    return metadata;
  }

  /** Reads the topics from the beginning, in a consumer group of its own, until closed. */
  async read(topics: readonly string[]): Promise<TopicReader> {
    await this.waitForTopics(topics);
    const consumer = this.kafka.consumer({
      groupId: `int-test-${randomUUID()}`,
      allowAutoTopicCreation: false,
      sessionTimeout: 10_000,
      heartbeatInterval: 1_000,
      // Short long-polls: disconnect waits for the fetch in flight.
      maxWaitTimeInMs: 250,
    });
    const reader = new TopicReader(this, consumer, topics);
    this.readers.add(reader);
    await consumer.connect();
    await consumer.subscribe({ topics: [...topics], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        reader.records.push({
          topic,
          partition,
          offset: Number(message.offset),
          key: message.key ? message.key.toString('utf8') : null,
          value: message.value ? message.value.toString('utf8') : null,
          headers: headersOf(message.headers),
        });
      },
    });
    return reader;
  }

  forget(reader: TopicReader): void {
    this.readers.delete(reader);
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.readers].map((r) => r.close()));
    await Promise.allSettled([this.producerClient?.disconnect(), this.adminClient?.disconnect()]);
    this.producerClient = null;
    this.adminClient = null;
  }
}

export class TopicReader {
  readonly records: KafkaRecord[] = [];
  private closed = false;

  constructor(
    private readonly owner: TestKafka,
    private readonly consumer: Consumer,
    readonly topics: readonly string[],
  ) {}

  on(topic: string): KafkaRecord[] {
    return this.records.filter((r) => r.topic === topic);
  }

  /** The records of one request on a topic, in partition order (one key, so one partition). */
  ofRequest(topic: string, requestId: string): KafkaRecord[] {
    return this.on(topic)
      .filter((r) => r.key === requestId)
      .sort((a, b) => a.partition - b.partition || a.offset - b.offset);
  }

  /** Resolves once everything on the topics up to now has been read (so counts are final). */
  async caughtUp(timeoutMs = 30_000): Promise<void> {
    const targets = new Map<string, Map<number, number>>();
    for (const topic of this.topics) targets.set(topic, await this.owner.endOffsets(topic));
    await eventually(
      `reader caught up with ${this.topics.join(', ')}`,
      () => {
        for (const [topic, ends] of targets) {
          for (const [partition, end] of ends) {
            if (end === 0) continue;
            const read = this.records.some((r) => r.topic === topic && r.partition === partition && r.offset >= end - 1);
            if (!read) throw new Error(`${topic}[${partition}] not read up to offset ${end - 1}`);
          }
        }
      },
      { timeoutMs },
    );
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.owner.forget(this);
    await this.consumer.disconnect();
  }
}
