import { IncomingMessage } from '../message-broker';
import { InProcessMessageBroker } from './in-process.broker';

const message = (value: string) => ({ topic: 't', key: 'k', value, headers: {} });
/** Lets every delivery that is due happen (handlers here only push). */
const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('InProcessMessageBroker', () => {
  it('delivers in order to each group, a new group from the start', async () => {
    const broker = new InProcessMessageBroker();
    const first: string[] = [];
    broker.subscribe('a', 't', async (m) => void first.push(m.value!));
    await broker.publish([message('1'), message('2')]);
    await broker.publish([message('3')]);
    const second: string[] = [];
    broker.subscribe('b', 't', async (m) => void second.push(m.value!));
    await settled();
    expect(first).toEqual(['1', '2', '3']);
    expect(second).toEqual(['1', '2', '3']);
  });

  it('finishes the message in hand before a closing subscription resolves, and hands out no other', async () => {
    const broker = new InProcessMessageBroker();
    const handled: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const subscription = broker.subscribe('g', 't', async (m: IncomingMessage) => {
      if (m.value === '1') await held;
      handled.push(m.value!);
    });
    await broker.publish([message('1'), message('2')]);
    let closed = false;
    const closing = subscription.close().then(() => (closed = true));
    await settled();
    expect(closed).toBe(false);
    release();
    await closing;
    expect(handled).toEqual(['1']);
  });
});
