import { ConsumerStatus } from '@app/messaging';
import { consumerProblem } from './pipeline-status';

const at = Date.parse('2026-12-02T08:00:00Z');
const status = (state: ConsumerStatus['state'], secondsAgo: number, lastError: string | null = null): ConsumerStatus => ({
  groupId: 'dept-handler.market-regulation',
  topic: 'governance.dept.market-regulation.v1',
  state,
  since: new Date(at - secondsAgo * 1000),
  lastActivityAt: null,
  restarts: lastError ? 2 : 0,
  lastError,
});

describe('when a consumer counts as not consuming (readiness)', () => {
  it('is fine while it consumes, however long', () => {
    expect(consumerProblem(status('consuming', 3600), at)).toBeNull();
  });

  it('gives joining and restarting a minute: a killed member holds a rejoin up for its 30 s session', () => {
    expect(consumerProblem(status('joining', 45), at)).toBeNull();
    expect(consumerProblem(status('restarting', 59, 'crashed'), at)).toBeNull();
  });

  it('names the group, its state, for how long and why, after that', () => {
    expect(consumerProblem(status('joining', 75), at)).toBe('dept-handler.market-regulation joining for 75 s');
    expect(consumerProblem(status('restarting', 90, 'could not start: connecting to Kafka did not finish within 10000 ms'), at)).toBe(
      'dept-handler.market-regulation restarting for 90 s (could not start: connecting to Kafka did not finish within 10000 ms)',
    );
  });
});
