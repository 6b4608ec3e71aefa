import type { AppConfig } from '@app/common';
import type { UnitOfWork } from '@app/persistence';
import type { Counter } from 'prom-client';
import type { IncomingMessage, MessageBroker } from '../message-broker';
import { ReliableConsumer } from './reliable-consumer';

const envelope = {
  eventId: '0b7d1f2e-3c4a-4b5c-8d6e-7f8091a2b3c4',
  type: 'assignment.created',
  version: 1,
  occurredAt: '2026-12-02T10:00:00+08:00',
  requestId: '1c8e2f3a-4b5c-4d6e-9f70-8192a3b4c5d6',
  sequence: 3,
  gridId: '2d9f3a4b-5c6d-4e7f-a081-92a3b4c5d6e7',
  correlationId: 'corr-1',
  payload: {},
};
const message: IncomingMessage = { topic: 'governance.requests.v1', partition: 0, offset: '42', key: envelope.requestId, value: JSON.stringify(envelope), headers: {} };

/** A consumer whose unit of work fails as told; what it publishes (dead letters) is recorded. */
function consumerFailingWith(failures: unknown[]) {
  const published: unknown[] = [];
  const broker = { publish: async (records: unknown[]) => void published.push(...records) } as unknown as MessageBroker;
  let calls = 0;
  const unitOfWork = {
    run: async () => {
      const failure = failures[calls++];
      if (failure) throw failure;
      return 'processed';
    },
  } as unknown as UnitOfWork;
  const config = { handlerMaxAttempts: 3 } as AppConfig;
  const counter = { inc: () => undefined } as unknown as Counter<'consumer' | 'outcome'>;
  return { consumer: new ReliableConsumer(broker, unitOfWork, config, counter), published, calls: () => calls };
}

describe('ReliableConsumer', () => {
  it('dead-letters a message its handler keeps failing on, after the configured attempts', async () => {
    const broken = new Error('column "nope" does not exist');
    const { consumer, published, calls } = consumerFailingWith([broken, broken, broken]);
    await expect(consumer.handle('projector', message, async () => undefined)).resolves.toBe('dead-lettered');
    expect(calls()).toBe(3);
    expect(published).toHaveLength(1);
  });

  it('never dead-letters a good message because the database is restarting: the error goes up, the offset stays', async () => {
    const restarting = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    const { consumer, published } = consumerFailingWith([restarting]);
    await expect(consumer.handle('projector', message, async () => undefined)).rejects.toBe(restarting);
    expect(published).toEqual([]);
  });

  it('handles the message once the database answers again, with no attempt lost to the outage', async () => {
    const unreachable = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const other = new Error('deadlock detected');
    const { consumer, published } = consumerFailingWith([unreachable, other, other]);
    await expect(consumer.handle('projector', message, async () => undefined)).rejects.toBe(unreachable);
    // Redelivered after the outage: two ordinary failures still leave it a third attempt.
    await expect(consumer.handle('projector', message, async () => undefined)).resolves.toBe('processed');
    expect(published).toEqual([]);
  });
});
