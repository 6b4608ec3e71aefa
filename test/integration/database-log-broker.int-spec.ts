import { DatabaseLogBroker, IncomingMessage, Subscription } from '@app/messaging';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TEST_DATABASE_URL } from '../support/environment';
import { eventually } from '../support/eventually';

const message = (topic: string, value: string) => ({ topic, key: 'k', value, headers: { 'correlation-id': value } });

/**
 * The embedded default's broker: topics and group positions kept in PostgreSQL, so that what was
 * published before a restart or a crash is still handled after it, once in effect.
 */
describe('DatabaseLogBroker (events without Kafka)', () => {
  let dataSource: DataSource;
  const open: Subscription[] = [];
  let topic: string;

  beforeAll(async () => {
    dataSource = await new DataSource({ type: 'postgres', url: TEST_DATABASE_URL, extra: { max: 4 } }).initialize();
  });

  beforeEach(() => {
    topic = `t-${randomUUID()}`;
  });

  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  const subscribe = (broker: DatabaseLogBroker, group: string, handler: (m: IncomingMessage) => Promise<void>): Subscription => {
    const subscription = broker.subscribe(group, topic, handler);
    open.push(subscription);
    return subscription;
  };

  it('delivers in order to each group, a new group from the start, with key and headers', async () => {
    const broker = new DatabaseLogBroker(dataSource);
    const first: IncomingMessage[] = [];
    subscribe(broker, 'a', async (m) => void first.push(m));
    await broker.publish([message(topic, '1'), message(topic, '2')]);
    await broker.publish([message(topic, '3')]);
    await eventually('group a has all three', () => expect(first.map((m) => m.value)).toEqual(['1', '2', '3']));
    expect(first[0]).toMatchObject({ topic, key: 'k', headers: { 'correlation-id': '1' } });

    const second: string[] = [];
    subscribe(broker, 'b', async (m) => void second.push(m.value!));
    await eventually('a new group b reads from the start', () => expect(second).toEqual(['1', '2', '3']));
    expect(await broker.consumerLag('a', topic)).toBe(0);
    expect(await broker.consumerLag('never-subscribed', topic)).toBe(3);
  });

  it('gives a message whose handler failed again, and says so in the status meanwhile', async () => {
    const broker = new DatabaseLogBroker(dataSource);
    const handled: string[] = [];
    let failures = 0;
    const subscription = subscribe(broker, 'g', async (m) => {
      if (m.value === '2' && failures++ === 0) throw new Error('the database blinked');
      handled.push(m.value!);
    });
    await broker.publish([message(topic, '1'), message(topic, '2'), message(topic, '3')]);
    await eventually('every message handled, the failed one again', () => expect(handled).toEqual(['1', '2', '3']), { timeoutMs: 10_000 });
    expect(subscription.status()).toMatchObject({ groupId: 'g', topic, state: 'consuming', restarts: 1, lastError: 'Error: the database blinked' });
  });

  it('after a restart, goes on from the committed position: nothing handled twice, nothing lost', async () => {
    const before = new DatabaseLogBroker(dataSource);
    const handled: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const subscription = subscribe(before, 'g', async (m) => {
      if (m.value === '2') await held;
      handled.push(m.value!);
    });
    await before.publish([message(topic, '1'), message(topic, '2'), message(topic, '3')]);
    await eventually('the first is handled and the second is in hand', () => expect(handled).toEqual(['1']));
    let closed = false;
    const closing = subscription.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(closed).toBe(false); // closing waits for the message in hand
    release();
    await closing;
    expect(handled).toEqual(['1', '2']);

    // A new process: what was published while it was down waits for it.
    await before.publish([message(topic, '4')]);
    const after = new DatabaseLogBroker(dataSource);
    subscribe(after, 'g', async (m) => void handled.push(m.value!));
    await eventually('the rest arrives once', () => expect(handled).toEqual(['1', '2', '3', '4']));
    expect(after.consumers()).toEqual([expect.objectContaining({ groupId: 'g', topic, state: 'consuming' })]);
  });
});
