import { County, createCounty } from '../factories/county.factory';
import { fileRequest, waitUntilDelivered } from '../support/casework';
import { TestDatabase } from '../support/database';
import { freePort } from '../support/dept-handler-process';
import { eventually } from '../support/eventually';
import { startTestApi, TestApi } from '../support/test-api';

type Http = TestApi['http'];

/** One sample of /metrics, by its full series name (`name{labels}`). */
async function metrics(http: Http): Promise<Map<string, number>> {
  const response = await http.get('/metrics');
  expect(response.status).toBe(200);
  const samples = new Map<string, number>();
  for (const line of response.text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    samples.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return samples;
}

const projectorGroup = (): string => process.env.MONITORING_PROJECTOR_GROUP ?? '';

/** A pipeline that stops moving must show in readiness and in the metrics, naming what and why. */
describe('the event pipeline in readiness and metrics', () => {
  let db: TestDatabase;

  beforeAll(() => {
    db = new TestDatabase();
  });

  afterAll(async () => {
    await db?.close();
  });

  describe('with the broker working', () => {
    let api: TestApi;
    let county: County;

    beforeAll(async () => {
      api = await startTestApi({ withDepartmentHandlers: true });
      county = await createCounty(api.http, api.adminToken, 1);
    });

    afterAll(async () => {
      await api?.close();
    });

    it('shows an empty backlog, every consumer consuming and no lag on the department topics once a filing has gone through', async () => {
      const filed = await fileRequest(api.http, county, { major: true });
      await waitUntilDelivered(api.http, county.tokens.worker, filed.id);
      const lead = `{group="dept-handler.${county.departments.lead}",topic="governance.dept.${county.departments.lead}.v1"}`;
      const projector = `{group="${projectorGroup()}",topic="governance.requests.v1"}`;
      await eventually(
        'the backlog and the lead department\'s lag are 0, the projector consumes',
        async () => {
          const m = await metrics(api.http);
          expect(m.get('outbox_backlog_rows')).toBe(0);
          expect(m.get('outbox_oldest_unpublished_age_seconds')).toBe(0);
          expect(m.get(`consumer_consuming${lead}`)).toBe(1);
          expect(m.get(`consumer_lag_messages${lead}`)).toBe(0);
          expect(m.get(`consumer_consuming${projector}`)).toBe(1);
          // The projector's group may still be skipping other test databases' events on the shared topic.
          expect(m.get(`consumer_lag_messages${projector}`)).toBeGreaterThanOrEqual(0);
          expect(m.get('outbox_since_last_publish_seconds')).toBeLessThan(60);
        },
        { timeoutMs: 30_000, intervalMs: 500 },
      );
      const ready = await api.http.get('/health/ready');
      expect(ready.status).toBe(200);
      expect(ready.body.details.consumers.groups).toMatchObject({ [`dept-handler.${county.departments.lead}`]: 'consuming', [projectorGroup()]: 'consuming' });
    });
  });

  describe('with the broker unreachable', () => {
    let api: TestApi;
    let county: County;

    beforeAll(async () => {
      // Nothing listens on this port: a broker that is down, as seen by this api alone.
      api = await startTestApi({ env: { KAFKA_BROKERS: `127.0.0.1:${await freePort()}` } });
      county = await createCounty(api.http, api.adminToken, 1);
    });

    afterAll(async () => {
      await api?.close();
    });

    it('keeps taking filings, counts the backlog, and fails readiness naming the stalled relay once nothing moved for 30 s', async () => {
      const filed = await Promise.all([1, 2, 3].map(() => fileRequest(api.http, county, { major: true })));
      const ids = filed.map((r) => r.id);
      const m = await metrics(api.http);
      // filed, routed and two assignment.created on the requests topic, one on each department topic: 6 per request.
      expect(m.get('outbox_backlog_rows')).toBeGreaterThanOrEqual(18);

      // Thirty seconds pass without a publish: the rows and the relay's last publish move back in time.
      await db.query(`UPDATE outbox SET created_at = created_at - interval '45 seconds' WHERE message_key = ANY($1::varchar[])`, [ids]);
      await db.query(`UPDATE outbox_relay_state SET last_published_at = now() - interval '50 seconds'`);
      const ready = await api.http.get('/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.message).toMatch(/^not ready: /);
      expect(ready.body.message).toContain('kafka down');
      expect(ready.body.message).toMatch(/outbox down \(\d+ events wait to be published, the oldest for 4\d s; nothing published for 5\d s\)/);
      expect(ready.body.details.consumers.groups[projectorGroup()]).not.toBe('consuming');
      const after = await metrics(api.http);
      expect(after.get('outbox_oldest_unpublished_age_seconds')).toBeGreaterThanOrEqual(45);
      expect(after.get('outbox_since_last_publish_seconds')).toBeGreaterThanOrEqual(50);
      expect(after.get(`consumer_consuming{group="${projectorGroup()}",topic="governance.requests.v1"}`)).toBe(0);
    });
  });
});

/** Time limits on every statement: a query stuck behind a lock ends in a 503 the client can retry, never a hang. */
describe('a statement that waits too long', () => {
  let api: TestApi;
  let db: TestDatabase;

  beforeAll(async () => {
    api = await startTestApi({ env: { DB_STATEMENT_TIMEOUT_MS: '1000' } });
    db = new TestDatabase();
  });

  afterAll(async () => {
    await db?.close();
    await api?.close();
  });

  it('is cancelled after DB_STATEMENT_TIMEOUT_MS and answered 503 with Retry-After', async () => {
    const blocker = await db.holdLock('LOCK TABLE departments IN ACCESS EXCLUSIVE MODE');
    try {
      // Without a time limit this would wait for the lock, which is released only after the answer.
      const response = await api.http.get('/api/v1/departments').set('Authorization', `Bearer ${api.adminToken}`);
      expect(response.status).toBe(503);
      expect(response.headers['retry-after']).toBe('5');
      expect(response.body).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'the service cannot reach its database right now; try again in a few seconds',
        code: 'SERVICE.UNAVAILABLE',
      });
    } finally {
      await blocker.release();
    }
    const after = await api.http.get('/api/v1/departments').set('Authorization', `Bearer ${api.adminToken}`);
    expect(after.status).toBe(200);
  });
});
