import { KafkaMessageBroker, Subscription } from '@app/messaging';
import { randomUUID } from 'node:crypto';
import { TEST_KAFKA_BROKERS } from '../support/environment';
import { eventually } from '../support/eventually';
import { FreezableNetwork } from '../support/freezable-network';

/**
 * A consumer must never sit idle unseen. The hard case is the silent one: the network to the
 * broker hangs (no error, no reset) while a consumer is joined, so kafkajs neither crashes nor
 * fetches. kafkajs' own request timeout is set out of reach here, as if the hang were anywhere
 * else it does not watch: only the subscription's watchdog can notice.
 */
describe('a Kafka subscription whose consumer goes silent', () => {
  const network = new FreezableNetwork();
  let consumerSide: KafkaMessageBroker;
  let producerSide: KafkaMessageBroker;
  let subscription: Subscription | null = null;

  beforeAll(() => {
    consumerSide = new KafkaMessageBroker({
      brokers: TEST_KAFKA_BROKERS,
      clientId: 'int-consumer-recovery',
      partitions: 2,
      socketFactory: network.socketFactory,
      requestTimeoutMs: 10 * 60_000,
      limits: { stallMs: 8_000, joinMs: 45_000, watchMs: 500, leaveMs: 2_000 },
    });
    producerSide = new KafkaMessageBroker({ brokers: TEST_KAFKA_BROKERS, clientId: 'int-consumer-recovery-producer', partitions: 2 });
  });

  afterAll(async () => {
    network.thaw();
    await subscription?.close();
    await consumerSide.close();
    await producerSide.close();
  }, 60_000);

  it('is replaced while the network hangs, shows it in its status, and catches up once the network is back', async () => {
    const id = randomUUID();
    const topic = `int-recovery-${id}`;
    const group = `int-recovery-${id}`;
    await producerSide.ensureTopics([topic]);
    const received: string[] = [];
    subscription = consumerSide.subscribe(group, topic, async (message) => {
      received.push(message.value ?? '');
    });
    const status = subscription;
    await eventually('the consumer joined', () => expect(status.status().state).toBe('consuming'), { timeoutMs: 60_000 });
    await producerSide.publish([{ topic, key: 'a', value: 'before', headers: {} }]);
    await eventually('the message before the hang arrived', () => expect(received).toContain('before'), { timeoutMs: 30_000 });

    network.freeze();
    await producerSide.publish([{ topic, key: 'a', value: 'during', headers: {} }]);
    // While frozen: no crash, no error from kafkajs; the watchdog sees a consumer with no sign of life.
    const replaced = await eventually(
      'the silent consumer was replaced',
      () => {
        const now = status.status();
        expect(now.restarts).toBeGreaterThanOrEqual(1);
        expect(now.state).not.toBe('consuming');
        return now;
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    expect(replaced.lastError).toMatch(/no fetch, heartbeat or message for \d+ s/);
    expect(received).not.toContain('during');

    network.thaw();
    await producerSide.publish([{ topic, key: 'a', value: 'after', headers: {} }]);
    // The frozen member's session (30 s) must expire before the fresh consumer gets the partitions back.
    await eventually('every message arrived after the network came back', () => expect(received).toEqual(expect.arrayContaining(['before', 'during', 'after'])), {
      timeoutMs: 90_000,
      intervalMs: 500,
    });
    expect(status.status().state).toBe('consuming');
    expect(consumerSide.consumers()).toEqual([expect.objectContaining({ groupId: group, topic, state: 'consuming' })]);
    await eventually('the group committed all three', async () => expect(await producerSide.consumerLag(group, topic)).toBe(0), { timeoutMs: 20_000 });
  });
});
