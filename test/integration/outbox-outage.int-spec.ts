import { County, createCounty } from '../factories/county.factory';
import { fileRequest, RequestView, waitUntilDelivered } from '../support/casework';
import { startKafka, stopKafka } from '../support/broker-control';
import { TestDatabase } from '../support/database';
import { eventually } from '../support/eventually';
import { departmentTopic, envelopeOf, REQUESTS_TOPIC, TestKafka } from '../support/kafka';
import { startTestApi, TestApi } from '../support/test-api';

/** PRODUCT.md section 5: a committed request always gets its events published, even if Kafka was down. */
describe('transactional outbox through a broker outage', () => {
  let api: TestApi;
  let county: County;
  let db: TestDatabase;
  let kafka: TestKafka | null = null;
  let brokerStopped = false;

  beforeAll(async () => {
    api = await startTestApi({ withDepartmentHandlers: true });
    county = await createCounty(api.http, api.adminToken, 1);
    db = new TestDatabase();
  });

  afterAll(async () => {
    // Whatever happened above, leave the broker running for everyone else.
    if (brokerStopped) startKafka();
    await kafka?.close();
    await db?.close();
    await api?.close();
  }, 240_000);

  it('accepts filings while Kafka is down and publishes each of their events exactly once when it is back', async () => {
    // Before the outage: topics exist, the department handlers have joined and deliver.
    const before = await fileRequest(api.http, county, { major: true });
    await waitUntilDelivered(api.http, county.tokens.worker, before.id);

    brokerStopped = true;
    stopKafka();
    const filed: RequestView[] = [];
    try {
      // The api keeps taking requests: the outbox holds their events until the broker is back.
      for (let i = 0; i < 5; i++) filed.push(await fileRequest(api.http, county, { major: true }));
      expect(filed.map((r) => r.route)).toEqual(Array(5).fill('joint'));
      const ids = filed.map((r) => r.id);
      const [{ total, published }] = await db.query<{ total: number; published: number }>(
        `SELECT count(*)::int AS total, count(published_at)::int AS published FROM outbox WHERE message_key = ANY($1::varchar[])`,
        [ids],
      );
      // Per request: filed, routed and two assignment.created on the requests topic, plus one on each department topic.
      expect({ total, published }).toEqual({ total: 5 * 6, published: 0 });
    } finally {
      startKafka();
      brokerStopped = false;
    }
    const ids = filed.map((r) => r.id);

    await eventually(
      'the outbox published every event of the 5 requests',
      async () => {
        const [{ pending }] = await db.query<{ pending: number }>(
          'SELECT count(*)::int AS pending FROM outbox WHERE message_key = ANY($1::varchar[]) AND published_at IS NULL',
          [ids],
        );
        expect(pending).toBe(0);
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    // The handlers recovered too: each assignment delivered (that adds assignment.delivered events). Their
    // groups first wait out the session timeout (30 s) of the members they had before the broker went away.
    for (const id of ids) await waitUntilDelivered(api.http, county.tokens.worker, id, 90_000);
    await eventually(
      'the delivery events are published too',
      async () => {
        const [{ pending }] = await db.query<{ pending: number }>(
          'SELECT count(*)::int AS pending FROM outbox WHERE message_key = ANY($1::varchar[]) AND published_at IS NULL',
          [ids],
        );
        expect(pending).toBe(0);
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );

    kafka = new TestKafka();
    const lead = departmentTopic(county.departments.lead);
    const assist = departmentTopic(county.departments.assist);
    const reader = await kafka.read([REQUESTS_TOPIC, lead, assist]);
    try {
      const expected = new Map<string, { event_id: string; sequence: number; type: string }[]>();
      for (const id of ids) expected.set(id, await db.eventsOf(id));
      await eventually(
        'every event of the 5 requests is on governance.requests.v1',
        () => {
          for (const [id, events] of expected) {
            const seen = new Set(reader.ofRequest(REQUESTS_TOPIC, id).map((r) => envelopeOf(r)?.eventId));
            expect(events.filter((e) => !seen.has(e.event_id))).toEqual([]);
          }
        },
        { timeoutMs: 60_000 },
      );
      await reader.caughtUp(60_000);

      for (const [id, events] of expected) {
        expect(events.map((e) => e.type)).toEqual([
          'request.filed',
          'request.routed',
          'assignment.created',
          'assignment.created',
          'assignment.delivered',
          'assignment.delivered',
        ]);
        // Exactly once, in sequence order.
        const envelopes = reader.ofRequest(REQUESTS_TOPIC, id).map((r) => envelopeOf(r)!);
        expect(envelopes.map((e) => [e.eventId, e.sequence, e.type])).toEqual(events.map((e) => [e.event_id, e.sequence, e.type]));
        for (const topic of [lead, assist]) {
          const created = events.filter((e) => e.type === 'assignment.created').map((e) => e.event_id);
          const onTopic = reader.ofRequest(topic, id).map((r) => envelopeOf(r)!);
          expect(onTopic).toHaveLength(1);
          expect(created).toContain(onTopic[0].eventId);
          expect(onTopic[0].payload.departmentCode).toBe(topic === lead ? county.departments.lead : county.departments.assist);
        }
      }
    } finally {
      await reader.close();
    }
  }, 300_000);
});

/**
 * Shutting an api (or handler) down while the broker is away must stop its consumers for good:
 * one that comes back after close() would rejoin its department's group, take partitions from the
 * live handlers and handle them with a closed database pool.
 */
describe('closing the app during a broker outage', () => {
  let api: TestApi | null = null;
  let county: County;
  let brokerStopped = false;
  const kafka = new TestKafka();

  beforeAll(async () => {
    api = await startTestApi({ withDepartmentHandlers: true });
    county = await createCounty(api.http, api.adminToken, 1);
  });

  afterAll(async () => {
    if (brokerStopped) startKafka();
    await kafka.close();
    await api?.close();
  }, 240_000);

  it('leaves no department consumer behind to rejoin its group when the broker is back', async () => {
    const filed = await fileRequest(api!.http, county, { major: true });
    await waitUntilDelivered(api!.http, county.tokens.worker, filed.id);
    const groups = [county.departments.lead, county.departments.assist].map((code) => `dept-handler.${code}`);
    const admin = await kafka.admin();
    const membersBefore = new Set((await admin.describeGroups(groups)).groups.flatMap((g) => g.members.map((m) => m.memberId)));
    // One member per group, or more while a member from a restart at start-up has not expired yet.
    expect(membersBefore.size).toBeGreaterThanOrEqual(2);
    await kafka.close();

    brokerStopped = true;
    stopKafka();
    try {
      // Close once the api has noticed the outage (its consumers are failing and restarting by then).
      await eventually(
        'readiness reports the broker down',
        async () => expect((await api!.http.get('/health/ready')).status).toBe(503),
        { timeoutMs: 30_000, intervalMs: 500 },
      );
      await api!.close();
      api = null;
    } finally {
      startKafka();
      brokerStopped = false;
    }

    // The members from before the outage expire after their session timeout (30 s); nobody new may join.
    const seen: string[] = [];
    await eventually(
      `groups ${groups.join(', ')} empty, with no member joining after the app closed`,
      async () => {
        const { groups: described } = await (await kafka.admin()).describeGroups(groups);
        for (const group of described) {
          for (const member of group.members) {
            if (!membersBefore.has(member.memberId)) seen.push(`${group.groupId}: ${member.memberId} (${member.clientId})`);
          }
        }
        if (seen.length > 0) return; // checked below, at once
        expect(described.map((g) => [g.groupId, g.state])).toEqual(groups.map((g) => [g, 'Empty']));
      },
      { timeoutMs: 75_000, intervalMs: 500 },
    );
    expect(seen).toEqual([]);
  }, 300_000);
});
