import { randomInt, randomUUID } from 'node:crypto';
import { County, createCounty } from '../factories/county.factory';
import { fileRequest, getRequest, RequestView, waitUntilDelivered } from '../support/casework';
import { TestDatabase } from '../support/database';
import { eventually } from '../support/eventually';
import { departmentTopic, dlqTopic, ENVELOPE_KEYS, envelopeOf, REQUESTS_TOPIC, TestKafka, TopicReader } from '../support/kafka';
import { bearer, startTestApi, TestApi } from '../support/test-api';

/** PRODUCT.md section 5: what leaves the service on Kafka when a request is filed. */
describe('event contract on Kafka', () => {
  let api: TestApi;
  let county: County;
  let kafka: TestKafka;
  let db: TestDatabase;

  beforeAll(async () => {
    api = await startTestApi({ withDepartmentHandlers: true });
    county = await createCounty(api.http, api.adminToken, 1);
    kafka = new TestKafka();
    db = new TestDatabase();
  });

  afterAll(async () => {
    await kafka?.close();
    await db?.close();
    await api?.close();
  });

  const departmentTopics = (): string[] => [departmentTopic(county.departments.lead), departmentTopic(county.departments.assist)];

  it('publishes a major request to its lead and assisting departments, and its whole timeline in order, with the exact envelope', async () => {
    const correlationId = `it-contract-${randomUUID()}`;
    const filed = await fileRequest(api.http, county, { major: true, correlationId });
    expect(filed.route).toBe('joint');
    expect(filed.assignments.map((a) => [a.departmentCode, a.role])).toEqual([
      [county.departments.lead, 'lead'],
      [county.departments.assist, 'assist'],
    ]);

    // Once both handlers have recorded delivery the timeline stops growing: filed, routed, 2 x created, 2 x delivered.
    await waitUntilDelivered(api.http, county.tokens.worker, filed.id);
    const view = await getRequest(api.http, county.tokens.worker, filed.id);
    const timeline = view.timeline ?? [];
    expect(timeline.map((e) => e.type)).toEqual([
      'request.filed',
      'request.routed',
      'assignment.created',
      'assignment.created',
      'assignment.delivered',
      'assignment.delivered',
    ]);
    const eventIds = new Map((await db.eventsOf(filed.id)).map((e) => [e.sequence, e.event_id]));
    const gridId = await db.gridIdOf(county.grids.home);

    const reader = await kafka.read([REQUESTS_TOPIC, ...departmentTopics()]);
    try {
      await eventually('all events of the request are on Kafka', () => {
        expect(reader.ofRequest(REQUESTS_TOPIC, filed.id)).toHaveLength(timeline.length);
        for (const topic of departmentTopics()) expect(reader.ofRequest(topic, filed.id)).toHaveLength(1);
      });
      await reader.caughtUp();

      for (const assignment of filed.assignments) {
        const topic = departmentTopic(assignment.departmentCode);
        const records = reader.ofRequest(topic, filed.id);
        expect(records).toHaveLength(1); // and nothing more arrived later
        const [record] = records;
        expect(record.key).toBe(filed.id);
        expect(record.headers['correlation-id']).toBe(correlationId);
        const envelope = JSON.parse(record.value ?? '');
        expect(Object.keys(envelope).sort()).toEqual(ENVELOPE_KEYS);
        const entry = timeline.find((e) => e.type === 'assignment.created' && e.data?.departmentCode === assignment.departmentCode);
        expect(entry).toBeDefined();
        expect(envelope).toEqual({
          eventId: eventIds.get(entry!.sequence),
          type: 'assignment.created',
          version: 1,
          occurredAt: entry!.occurredAt,
          requestId: filed.id,
          sequence: entry!.sequence,
          gridId,
          correlationId,
          payload: expect.objectContaining({
            assignmentId: assignment.id,
            departmentCode: assignment.departmentCode,
            role: assignment.role,
            trackingNo: filed.trackingNo,
          }),
        });
      }

      // governance.requests.v1: every timeline event, once, in sequence order (one key, one partition).
      const onRequestsTopic = reader.ofRequest(REQUESTS_TOPIC, filed.id);
      const envelopes = onRequestsTopic.map((r) => JSON.parse(r.value ?? '') as Record<string, unknown>);
      expect(envelopes.map((e) => [e.sequence, e.type])).toEqual(timeline.map((e) => [e.sequence, e.type]));
      expect(envelopes.map((e) => e.sequence)).toEqual(timeline.map((_, i) => i + 1));
      for (const [i, envelope] of envelopes.entries()) {
        expect(Object.keys(envelope).sort()).toEqual(ENVELOPE_KEYS);
        expect(envelope).toMatchObject({
          eventId: eventIds.get(timeline[i].sequence),
          version: 1,
          requestId: filed.id,
          gridId,
          occurredAt: timeline[i].occurredAt,
          // The handler's assignment.delivered events carry the filing's correlation id too.
          correlationId,
        });
        expect(onRequestsTopic[i].headers).toMatchObject({
          'correlation-id': correlationId,
          'event-id': envelope.eventId,
          'event-type': envelope.type,
        });
      }
      // A department gets the very same event as the requests topic.
      for (const topic of departmentTopics()) {
        const [record] = reader.ofRequest(topic, filed.id);
        expect(onRequestsTopic.map((r) => r.value)).toContain(record.value);
      }
    } finally {
      await reader.close();
    }
  });

  it('masks phone and ID-card numbers typed into free text, on every topic, while the request keeps them', async () => {
    const typed = {
      title: `Leak, call 139${randomInt(10_000_000, 99_999_999)}`,
      description: `Owner's ID card 11010119900307${randomInt(1000, 9999)}`,
      address: `Binhe Road 12, tel 010-6${randomInt(1_000_000, 9_999_999)}`,
      whistleNote: `Ask for Mr Li, 137${randomInt(10_000_000, 99_999_999)}`,
      returnReason: `Not ours; the estate office answers on 136${randomInt(10_000_000, 99_999_999)}`,
      extensionReason: `Parts on order; supplier 135${randomInt(10_000_000, 99_999_999)}`,
      resolveNote: `Fixed; call 158${randomInt(10_000_000, 99_999_999)} if it leaks again`,
    };
    const numbers = Object.values(typed).map((text) => /\d[\d-]{9,}\d/.exec(text)?.[0] as string);
    const major = await fileRequest(api.http, county, {
      major: true,
      title: typed.title,
      description: typed.description,
      location: { lat: 40.14, lng: 117.12, address: typed.address },
    });
    const lead = major.assignments.find((a) => a.role === 'lead') as { id: string };
    const assist = major.assignments.find((a) => a.role === 'assist') as { id: string };
    const step = async (path: string, token: string, body: object, status = 200) => {
      const response = await api.http.post(`/api/v1/${path}`).set(bearer(token)).send(body);
      expect({ path, status: response.status }).toEqual({ path, status });
    };
    await step(`requests/${major.id}/whistle`, county.tokens.worker, { departments: [county.departments.single], note: typed.whistleNote }, 201);
    await step(`assignments/${assist.id}/return`, county.tokens.assistStaff, { reason: typed.returnReason });
    await step(`assignments/${lead.id}/claim`, county.tokens.leadStaff[0], {});
    await step(`assignments/${lead.id}/extend`, county.tokens.leadStaff[0], { extraWorkingHours: 8, reason: typed.extensionReason }, 201);
    await step(`assignments/${lead.id}/resolve`, county.tokens.leadStaff[0], { note: typed.resolveNote });

    // Staff allowed to open the request still read what was typed.
    const stored = (await getRequest(api.http, county.tokens.leadStaff[0], major.id)) as RequestView & Record<string, any>;
    expect(stored).toMatchObject({ title: typed.title, description: typed.description, location: { address: typed.address } });

    const topics = [REQUESTS_TOPIC, ...departmentTopics(), departmentTopic(county.departments.single)];
    const reader: TopicReader = await kafka.read(topics);
    try {
      await eventually('the request and its steps are on Kafka', () => {
        expect(reader.ofRequest(REQUESTS_TOPIC, major.id).map((r) => envelopeOf(r)?.type)).toEqual(
          expect.arrayContaining(['request.filed', 'request.whistle_blown', 'assignment.returned', 'assignment.extension_requested', 'assignment.resolved']),
        );
      });
      await reader.caughtUp();
      const texts = reader.records.filter((r) => r.key === major.id).map((r) => `${r.topic}: ${r.value}`);
      for (const number of numbers) expect(texts.filter((text) => text.includes(number))).toEqual([]);
      const filed = reader.ofRequest(REQUESTS_TOPIC, major.id).map(envelopeOf).find((e) => e?.type === 'request.filed');
      expect(filed?.payload).toMatchObject({
        title: `Leak, call ${numbers[0].slice(0, 3)}****${numbers[0].slice(-4)}`,
        description: `Owner's ID card 110101********${numbers[1].slice(-4)}`,
      });
    } finally {
      await reader.close();
    }
  });

  it("never puts the reporter's name or phone number on any topic", async () => {
    const reporter = { name: `Reporter-${randomUUID().slice(0, 8)}`, phone: `139${randomInt(10_000_000, 99_999_999)}` };
    const major = await fileRequest(api.http, county, { major: true, reporter });
    const small = await fileRequest(api.http, county, { reporter });
    // The api does keep it: the search below would find it if it leaked.
    expect((await getRequest(api.http, county.tokens.worker, major.id)) as RequestView & { reporter: unknown }).toMatchObject({ reporter });
    await waitUntilDelivered(api.http, county.tokens.worker, major.id);

    const topics = [REQUESTS_TOPIC, ...departmentTopics(), ...departmentTopics().map(dlqTopic), departmentTopic(county.departments.single)];
    const reader: TopicReader = await kafka.read(topics);
    try {
      await eventually('the requests are on Kafka', () => {
        expect(reader.ofRequest(REQUESTS_TOPIC, major.id).length).toBeGreaterThanOrEqual(6);
        expect(reader.ofRequest(REQUESTS_TOPIC, small.id).map((r) => envelopeOf(r)?.type)).toEqual(['request.filed', 'request.routed']);
        for (const topic of departmentTopics()) expect(reader.ofRequest(topic, major.id)).toHaveLength(1);
      });
      await reader.caughtUp();
      const mine = reader.records.filter((r) => r.key === major.id || r.key === small.id);
      expect(mine.length).toBeGreaterThanOrEqual(10);
      const leaks = reader.records.filter((r) =>
        [r.value ?? '', r.key ?? '', ...Object.values(r.headers)].some((text) => text.includes(reporter.name) || text.includes(reporter.phone)),
      );
      expect(leaks.map((r) => `${r.topic}[${r.partition}]@${r.offset}: ${r.value}`)).toEqual([]);
    } finally {
      await reader.close();
    }
  });
});
