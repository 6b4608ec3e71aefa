import { roundTheClockCalendar } from '../factories/calendar.factory';
import { County, createCounty } from '../factories/county.factory';
import { createSmallCategory } from '../factories/http-helpers';
import { fileRequest, RequestView } from '../support/casework';
import { builtEntry } from '../support/built-apps';
import { TestDatabase } from '../support/database';
import { freePort, HandlerProcess, spawnDeptHandler } from '../support/dept-handler-process';
import { eventually } from '../support/eventually';
import { departmentTopic, envelopeOf, KafkaRecord, REQUESTS_TOPIC, TestKafka } from '../support/kafka';
import { bearer, startTestApi, TestApi } from '../support/test-api';

const LEADERS_TOPIC = 'governance.leaders.v1';
const WATCH_MS = '150';

/** Issue 3 item 4: the deadline watcher in two api processes at once handles each overdue item once. */
describe('the deadline watcher in two api processes', () => {
  let api: TestApi;
  let county: County;
  let watchers: HandlerProcess[] = [];
  let kafka: TestKafka;
  let db: TestDatabase;
  let calendarBefore: Record<string, unknown>;

  beforeAll(async () => {
    // This api only sets up and files; its own watcher waits an hour, so the two processes do all the watching.
    api = await startTestApi({ env: { DEADLINE_WATCH_MS: '3600000' } });
    county = await createCounty(api.http, api.adminToken, 1);
    kafka = new TestKafka();
    db = new TestDatabase();
    calendarBefore = (await api.http.get('/api/v1/calendar').set(bearer(api.adminToken))).body;
    // Working all day around today, and the leaders due as soon as a reminder went unheeded.
    expect((await api.http.put('/api/v1/calendar').set(bearer(api.adminToken)).send(roundTheClockCalendar([-1, 0, 1, 2]))).status).toBe(200);
    const deadlines = await api.http
      .put(`/api/v1/categories/${county.categories.joint}/deadlines`)
      .set(bearer(api.adminToken))
      .send({ leadersAfterWorkingHours: 0 });
    expect(deadlines.status).toBe(200);
    const apiProcess = { entry: builtEntry('apps/api/src/main.js') };
    for (let i = 0; i < 2; i++) {
      watchers.push(spawnDeptHandler(apiProcess, await freePort(), { DEADLINE_WATCH_MS: WATCH_MS }));
    }
    for (const watcher of watchers) {
      await eventually(
        `api process on port ${watcher.port} answers GET /health`,
        async () => {
          if (watcher.child.exitCode !== null) throw new Error(`api exited with ${watcher.child.exitCode}:\n${watcher.output()}`);
          expect((await fetch(`http://127.0.0.1:${watcher.port}/health`)).status).toBe(200);
        },
        { timeoutMs: 60_000, intervalMs: 250 },
      );
    }
  }, 240_000);

  afterAll(async () => {
    for (const watcher of watchers) {
      if (watcher.child.exitCode === null && watcher.child.signalCode === null) watcher.child.kill('SIGTERM');
    }
    await Promise.all(watchers.map((w) => w.exited(30_000).catch(() => w.child.kill('SIGKILL'))));
    watchers = [];
    if (calendarBefore) {
      const { periods, holidays, makeUpWorkdays } = calendarBefore;
      await api.http.put('/api/v1/calendar').set(bearer(api.adminToken)).send({ periods, holidays, makeUpWorkdays });
    }
    await kafka?.close();
    await db?.close();
    await api?.close();
  });

  const countsOf = async (requestIds: string[], type: string): Promise<Map<string, number>> => {
    const rows = await db.query<{ key: string; count: number }>(
      `SELECT coalesce(data->>'assignmentId', request_id::text) AS key, count(*)::int AS count
         FROM request_events WHERE request_id = ANY($1::uuid[]) AND type = $2 GROUP BY 1`,
      [requestIds, type],
    );
    return new Map(rows.map((r) => [r.key, r.count]));
  };
  const expectOnceEach = async (requestIds: string[], keys: string[], type: string): Promise<void> => {
    const counts = await countsOf(requestIds, type);
    expect(Object.fromEntries(keys.map((k) => [k, counts.get(k) ?? 0]))).toEqual(Object.fromEntries(keys.map((k) => [k, 1])));
    expect([...counts.keys()].sort()).toEqual([...keys].sort());
  };
  /** Waits for a dozen more passes of each watcher, so that a repeat would have happened by now. */
  const severalMorePasses = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 12 * Number(WATCH_MS)));

  describe('overdue grid tasks', () => {
    let tasks: RequestView[];

    beforeAll(async () => {
      tasks = [];
      // Two per category: a third open one of a category in the grid would go joint at filing.
      for (let c = 0; c < 3; c++) {
        const categoryCode = await createSmallCategory(api.http, api.adminToken, county);
        for (let i = 0; i < 2; i++) tasks.push(await fileRequest(api.http, county, { categoryCode }));
      }
      expect(tasks.every((t) => t.route === 'grid')).toBe(true);
      await db.query(`UPDATE requests SET due_at = now() - interval '1 minute' WHERE id = ANY($1::uuid[])`, [tasks.map((t) => t.id)]);
    });

    it('escalates each to joint handling exactly once, as the system', async () => {
      const ids = tasks.map((t) => t.id);
      await eventually('every overdue grid task escalated', () => expectOnceEach(ids, ids, 'request.escalated'), { timeoutMs: 30_000 });
      await severalMorePasses();
      await expectOnceEach(ids, ids, 'request.escalated');
      const rows = await db.query<{ route: string; actor: string | null; reason: string }>(
        `SELECT r.route, e.actor, e.data->>'reason' AS reason FROM requests r
           JOIN request_events e ON e.request_id = r.id AND e.type = 'request.escalated' WHERE r.id = ANY($1::uuid[])`,
        [ids],
      );
      expect(rows).toHaveLength(ids.length);
      for (const row of rows) {
        expect(row.route).toBe('joint');
        expect(row.actor).toBeNull();
        expect(row.reason).toMatch(/^overdue: /);
      }
    });
  });

  describe('overdue assignments', () => {
    let cases: RequestView[];
    let assignmentIds: string[];
    let departmentOf: Map<string, string>;

    beforeAll(async () => {
      cases = [];
      for (let i = 0; i < 4; i++) cases.push(await fileRequest(api.http, county, { major: true }));
      expect(cases.every((c) => c.route === 'joint' && c.assignments.length === 2)).toBe(true);
      assignmentIds = cases.flatMap((c) => c.assignments.map((a) => a.id));
      departmentOf = new Map(cases.flatMap((c) => c.assignments.map((a) => [a.id, a.departmentCode] as const)));
      // Three missed their claim deadline; in the fourth the lead claimed and both parts missed the resolve deadline.
      const [claimedCase] = cases.slice(3);
      const lead = claimedCase.assignments.find((a) => a.role === 'lead');
      const claim = await api.http.post(`/api/v1/assignments/${lead?.id}/claim`).set(bearer(county.tokens.leadStaff[0]));
      expect(claim.status).toBe(200);
      await db.query(`UPDATE assignments SET claim_due_at = now() - interval '1 minute' WHERE request_id = ANY($1::uuid[])`, [
        cases.slice(0, 3).map((c) => c.id),
      ]);
      await db.query(
        `UPDATE assignments SET claim_due_at = now() - interval '2 minutes', due_at = now() - interval '1 minute' WHERE request_id = $1`,
        [claimedCase.id],
      );
    });

    const caseIds = (): string[] => cases.map((c) => c.id);

    it('reminds the department of each breach once, then alerts the grid leaders once', async () => {
      await eventually(
        'every overdue assignment reminded and escalated to the leaders',
        async () => {
          await expectOnceEach(caseIds(), assignmentIds, 'assignment.reminded');
          await expectOnceEach(caseIds(), assignmentIds, 'assignment.escalated_to_leaders');
        },
        { timeoutMs: 30_000 },
      );
      await severalMorePasses();
      await expectOnceEach(caseIds(), assignmentIds, 'assignment.reminded');
      await expectOnceEach(caseIds(), assignmentIds, 'assignment.escalated_to_leaders');

      const breaches = await db.query<{ id: string; breach: string }>(
        `SELECT data->>'assignmentId' AS id, data->>'breach' AS breach FROM request_events
          WHERE request_id = ANY($1::uuid[]) AND type = 'assignment.reminded'`,
        [caseIds()],
      );
      const resolveBreaches = new Set(cases[3].assignments.map((a) => a.id));
      for (const { id, breach } of breaches) expect(breach).toBe(resolveBreaches.has(id) ? 'resolve' : 'claim');
    });

    it("puts each reminder on the department's topic and each leaders' alert on governance.leaders.v1, once", async () => {
      const topics = [REQUESTS_TOPIC, LEADERS_TOPIC, departmentTopic(county.departments.lead), departmentTopic(county.departments.assist)];
      const reader = await kafka.read(topics);
      try {
        const events = await db.query<{ event_id: string; type: string; assignment_id: string }>(
          `SELECT event_id, type, data->>'assignmentId' AS assignment_id FROM request_events
            WHERE request_id = ANY($1::uuid[]) AND type IN ('assignment.reminded', 'assignment.escalated_to_leaders')`,
          [caseIds()],
        );
        const idOf = (type: string, assignmentId: string): string | undefined =>
          events.find((e) => e.type === type && e.assignment_id === assignmentId)?.event_id;
        const onTopic = (topic: string, type: string): Map<string, Set<string>> => {
          const byAssignment = new Map<string, Set<string>>();
          for (const record of reader.on(topic)) {
            const envelope = envelopeOf(record as KafkaRecord);
            if (envelope?.type !== type || !caseIds().includes(envelope.requestId)) continue;
            const assignmentId = String(envelope.payload.assignmentId);
            byAssignment.set(assignmentId, (byAssignment.get(assignmentId) ?? new Set()).add(envelope.eventId));
          }
          return byAssignment;
        };
        await eventually(
          'the reminders and the leaders alerts are on their topics',
          () => {
            for (const id of assignmentIds) {
              const reminded = idOf('assignment.reminded', id);
              const alerted = idOf('assignment.escalated_to_leaders', id);
              // Delivery is at least once: the same event may come twice, never a second event.
              expect(onTopic(departmentTopic(departmentOf.get(id) ?? ''), 'assignment.reminded').get(id)).toEqual(new Set([reminded]));
              expect(onTopic(REQUESTS_TOPIC, 'assignment.reminded').get(id)).toEqual(new Set([reminded]));
              expect(onTopic(LEADERS_TOPIC, 'assignment.escalated_to_leaders').get(id)).toEqual(new Set([alerted]));
            }
          },
          { timeoutMs: 30_000 },
        );
        const alert = reader
          .on(LEADERS_TOPIC)
          .map((r) => envelopeOf(r))
          .find((e) => e?.type === 'assignment.escalated_to_leaders' && e.payload.assignmentId === assignmentIds[0]);
        // Only the leader assigned to the home grid, not the other grid's.
        expect(alert?.payload).toMatchObject({
          assignmentId: assignmentIds[0],
          departmentCode: departmentOf.get(assignmentIds[0]),
          gridCode: county.grids.home,
          leaders: [county.users.leader],
          breach: 'claim',
        });
        expect(JSON.stringify(alert)).not.toContain('13800001234');
      } finally {
        await reader.close();
      }
    });
  });
});
