import { relayStall } from './outbox-backlog';

describe('when the outbox relay counts as stalled (readiness)', () => {
  it('is fine with nothing waiting, or with rows younger than 30 s', () => {
    expect(relayStall({ rows: 0, oldestAgeSeconds: null, sinceLastPublishSeconds: 600 })).toBeNull();
    expect(relayStall({ rows: 40, oldestAgeSeconds: 12, sinceLastPublishSeconds: 600 })).toBeNull();
  });

  it('is fine while a long backlog drains: something was published in the last 30 s', () => {
    expect(relayStall({ rows: 90_000, oldestAgeSeconds: 900, sinceLastPublishSeconds: 0.4 })).toBeNull();
  });

  it('says how many rows wait, for how long, and since when nothing was published', () => {
    expect(relayStall({ rows: 12, oldestAgeSeconds: 45.2, sinceLastPublishSeconds: 61.7 })).toBe(
      '12 events wait to be published, the oldest for 45 s; nothing published for 62 s',
    );
    expect(relayStall({ rows: 3, oldestAgeSeconds: 31, sinceLastPublishSeconds: null })).toBe(
      '3 events wait to be published, the oldest for 31 s; nothing has ever been published',
    );
  });
});
