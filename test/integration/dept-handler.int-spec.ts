import { randomUUID } from 'node:crypto';
import { County, createCounty } from '../factories/county.factory';
import { fileRequest, getRequest, waitUntilDelivered } from '../support/casework';
import { TestDatabase } from '../support/database';
import { eventually } from '../support/eventually';
import { departmentTopic, dlqTopic, envelopeOf, KafkaRecord, TestKafka } from '../support/kafka';
import { startTestApi, TestApi } from '../support/test-api';

/** The department handlers (ReliableConsumer + DepartmentConsumers) running in the api's process. */
describe('department handler', () => {
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

  const groupOf = (code: string): string => `dept-handler.${code}`;

  /** consumer_messages_total from the api's /metrics, by outcome, for one consumer. */
  async function handledCount(consumer: string, outcome: string): Promise<number> {
    const response = await api.http.get('/metrics');
    expect(response.status).toBe(200);
    const line = response.text
      .split('\n')
      .find((l) => l.startsWith('consumer_messages_total{') && l.includes(`consumer="${consumer}"`) && l.includes(`outcome="${outcome}"`));
    return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
  }

  /** Waits until the department's consumer group committed past this offset: it handled the message. */
  async function waitUntilConsumed(code: string, record: { partition: number; offset: number }, timeoutMs = 20_000): Promise<void> {
    await eventually(
      `${groupOf(code)} committed past ${departmentTopic(code)}[${record.partition}]@${record.offset}`,
      async () => {
        const committed = await kafka.committedOffsets(groupOf(code), departmentTopic(code));
        expect(committed.get(record.partition) ?? -1).toBeGreaterThan(record.offset);
      },
      { timeoutMs },
    );
  }

  it('records delivery of each assignment: deliveredAt and an assignment.delivered timeline entry', async () => {
    const filed = await fileRequest(api.http, county, { major: true });
    expect(filed.assignments.every((a) => a.deliveredAt === null)).toBe(true);

    const view = await waitUntilDelivered(api.http, county.tokens.worker, filed.id);
    const delivered = (view.timeline ?? []).filter((e) => e.type === 'assignment.delivered');
    expect(delivered).toHaveLength(2);
    for (const assignment of view.assignments) {
      expect(assignment.deliveredAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+08:00$/);
      expect(delivered.filter((e) => e.data?.assignmentId === assignment.id)).toEqual([
        expect.objectContaining({
          data: { assignmentId: assignment.id, departmentCode: assignment.departmentCode, consumer: groupOf(assignment.departmentCode) },
        }),
      ]);
    }
    // Department staff see the delivery too.
    const staffView = await getRequest(api.http, county.tokens.assistStaff, filed.id);
    expect(staffView.assignments.find((a) => a.departmentCode === county.departments.assist)?.deliveredAt).toBe(
      view.assignments.find((a) => a.departmentCode === county.departments.assist)?.deliveredAt,
    );
  });

  it('drops a duplicate delivery of the same event (inbox keyed by consumer and eventId)', async () => {
    const code = county.departments.lead;
    const topic = departmentTopic(code);
    const filed = await fileRequest(api.http, county, { major: true });
    const first = await waitUntilDelivered(api.http, county.tokens.worker, filed.id);
    const assignment = first.assignments.find((a) => a.departmentCode === code)!;

    const reader = await kafka.read([topic]);
    let original: KafkaRecord;
    try {
      original = await eventually('the assignment.created is on the department topic', () => {
        const [record] = reader.ofRequest(topic, filed.id);
        expect(record).toBeDefined();
        return record;
      });
    } finally {
      await reader.close();
    }
    const envelope = envelopeOf(original)!;
    expect(envelope.type).toBe('assignment.created');
    const duplicatesBefore = await handledCount(groupOf(code), 'duplicate');

    // Redelivery as Kafka may do it: the very same message again, same key, value and headers.
    const sent = await kafka.produce({ topic, key: original.key, value: original.value!, headers: original.headers });
    expect(sent.partition).toBe(original.partition);
    await waitUntilConsumed(code, { partition: sent.partition, offset: Number(sent.baseOffset) });

    expect(await handledCount(groupOf(code), 'duplicate')).toBe(duplicatesBefore + 1);
    const inbox = await db.query('SELECT consumer FROM inbox WHERE consumer = $1 AND event_id = $2', [groupOf(code), envelope.eventId]);
    expect(inbox).toHaveLength(1);
    const after = await getRequest(api.http, county.tokens.worker, filed.id);
    const deliveredEntries = (after.timeline ?? []).filter((e) => e.type === 'assignment.delivered' && e.data?.assignmentId === assignment.id);
    expect(deliveredEntries).toHaveLength(1);
    expect(after.timeline).toHaveLength(first.timeline!.length);
    expect(after.assignments.find((a) => a.id === assignment.id)?.deliveredAt).toBe(assignment.deliveredAt);
    // Not dead-lettered either: a duplicate is a normal, expected outcome.
    const dlqReader = await kafka.read([dlqTopic(topic)]);
    try {
      await dlqReader.caughtUp();
      expect(dlqReader.records.filter((r) => r.headers['event-id'] === envelope.eventId)).toEqual([]);
    } finally {
      await dlqReader.close();
    }
  });

  describe.each([
    {
      kind: 'invalid JSON',
      value: () => '{"eventId": "not closed',
      error: /PoisonMessageError: message value is not valid JSON/,
    },
    {
      kind: 'valid JSON that is not an envelope',
      value: () => JSON.stringify({ eventId: 'nope', type: 'Assignment Created', sequence: 0, payload: 'x', hello: 'world' }),
      error: /PoisonMessageError: invalid envelope: .*eventId.*/,
    },
  ])('a poison message ($kind)', ({ value, error }) => {
    it('goes to <topic>.dlq with the error, and the partition moves on to the next request', async () => {
      const code = county.departments.lead;
      const topic = departmentTopic(code);
      // A real request first, so the handler is running and its key is one the topic really uses.
      const earlier = await fileRequest(api.http, county, { major: true });
      await waitUntilDelivered(api.http, county.tokens.worker, earlier.id);

      // Poison ahead of whatever comes next on every partition, so the next filing's partition has one in front.
      const marker = `poison-${randomUUID()}`;
      const poison = value();
      const produced: { partition: number; offset: number }[] = [];
      for (const partition of await kafka.partitionsOf(topic)) {
        const sent = await kafka.produce({ topic, key: earlier.id, value: poison, headers: { 'x-test-marker': marker }, partition });
        produced.push({ partition, offset: Number(sent.baseOffset) });
      }

      const later = await fileRequest(api.http, county, { major: true });
      const delivered = await waitUntilDelivered(api.http, county.tokens.worker, later.id, 30_000);
      expect(delivered.assignments.every((a) => a.deliveredAt !== null)).toBe(true);

      const reader = await kafka.read([topic, dlqTopic(topic)]);
      try {
        // The later request's assignment really sat behind a poison message on its partition.
        const real = await eventually('the later assignment.created is on the topic', () => {
          const [record] = reader.ofRequest(topic, later.id);
          expect(record).toBeDefined();
          return record;
        });
        const ahead = produced.find((p) => p.partition === real.partition)!;
        expect(ahead.offset).toBeLessThan(real.offset);

        const dead = await eventually(`${produced.length} poison messages on ${dlqTopic(topic)}`, () => {
          const mine = reader.on(dlqTopic(topic)).filter((r) => r.headers['x-test-marker'] === marker);
          expect(mine).toHaveLength(produced.length);
          return mine;
        });
        for (const record of dead) {
          expect(record.value).toBe(poison);
          expect(record.key).toBe(earlier.id);
          expect(record.headers['dlq-error']).toMatch(error);
          expect(record.headers['dlq-original-topic']).toBe(topic);
          const origin = produced.find((p) => String(p.partition) === record.headers['dlq-original-partition']);
          expect(origin).toBeDefined();
          expect(record.headers['dlq-original-offset']).toBe(String(origin!.offset));
        }
        // The group committed past the poison on every partition: nothing is stuck behind it.
        for (const p of produced) await waitUntilConsumed(code, p);
      } finally {
        await reader.close();
      }
      // The poison left no trace in the handler's state.
      const timeline = (await getRequest(api.http, county.tokens.worker, earlier.id)).timeline ?? [];
      expect(timeline.filter((e) => e.type === 'assignment.delivered')).toHaveLength(2);
    });
  });
});
