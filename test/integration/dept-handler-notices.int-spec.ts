import { createHmac } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { County, createCounty } from '../factories/county.factory';
import { Workflow } from '../factories/workflow.factory';
import { TestDatabase } from '../support/database';
import { openEventStream } from '../support/event-stream';
import { eventually } from '../support/eventually';
import { TestKafka } from '../support/kafka';
import { bearer, startTestApi, TestApi } from '../support/test-api';

const SECRET = 'webhook-secret-for-the-test-receiver';

interface Received {
  at: number;
  headers: IncomingHttpHeaders;
  body: string;
  json: Record<string, any>;
}

/**
 * A department's webhook as a county would run it, on a port of this machine: it records every
 * call and answers as `answer` says (a status for the n-th call of a notice).
 */
class Receiver {
  readonly calls: Received[] = [];
  answer: (json: Record<string, any>, attempt: number) => number = () => 204;
  private readonly server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const json = JSON.parse(body) as Record<string, any>;
      this.calls.push({ at: Date.now(), headers: req.headers, body, json });
      const attempt = this.calls.filter((c) => c.json.id === json.id).length;
      res.statusCode = this.answer(json, attempt);
      res.end();
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/notices`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The department handlers acting on whistles, 催办 reminders and new assignments, and sending notices out. */
describe('department notices: on the desk, live, and out through a signed webhook', () => {
  let receiver: Receiver;
  let api: TestApi;
  let county: County;
  let flow: Workflow;
  let db: TestDatabase;
  let kafka: TestKafka;

  beforeAll(async () => {
    kafka = new TestKafka();
    receiver = new Receiver();
    const url = await receiver.start();
    api = await startTestApi({
      withDepartmentHandlers: true,
      env: {
        NOTICE_WEBHOOK_URLS: `*=${url}`,
        NOTICE_WEBHOOK_SECRET: SECRET,
        NOTICE_WEBHOOK_MAX_ATTEMPTS: '3',
        NOTICE_WEBHOOK_BACKOFF_MS: '300',
        NOTICE_DISPATCH_MS: '100',
        NOTICE_POLL_MS: '100',
        DEADLINE_WATCH_MS: '300',
      },
    });
    county = await createCounty(api.http, api.adminToken, 2);
    flow = new Workflow(api.http, county);
    db = new TestDatabase();
  });
  afterAll(async () => {
    await kafka?.close();
    await db?.close();
    await api?.close();
    await receiver?.close();
  });

  const deskNotices = async (token: string): Promise<Array<Record<string, any>>> => {
    const response = await api.http.get('/api/v1/notices?pageSize=100').set(bearer(token));
    if (response.status !== 200) throw new Error(`GET notices: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.items;
  };
  const noticeOf = (token: string, requestId: string, kind: string) =>
    eventually(`a ${kind} notice of ${requestId}`, async () => {
      const found = (await deskNotices(token)).filter((n) => n.requestId === requestId && n.kind === kind);
      if (found.length === 0) throw new Error('not yet');
      return found;
    });

  it('puts a new assignment on the desk of each department of a joint case', async () => {
    const joint = await flow.fileJoint();
    const [lead] = await noticeOf(county.tokens.leadStaff[0], joint.filed.id, 'assignment_created');
    expect(lead).toMatchObject({ trackingNo: joint.filed.trackingNo, data: expect.objectContaining({ assignmentId: joint.lead, role: 'lead' }) });
    const [assist] = await noticeOf(county.tokens.assistStaff, joint.filed.id, 'assignment_created');
    expect(assist.data).toMatchObject({ assignmentId: joint.assist, role: 'assist' });
  });

  it('brings a whistle to the summoned department’s desk live, once, and 到场报到 answers it', async () => {
    const joint = await flow.fileJoint();
    const stream = await openEventStream(api.app, `/api/v1/notices/stream?access_token=${county.tokens.singleStaff}`);
    try {
      const whistle = await flow.step(`requests/${joint.filed.id}/whistle`, county.tokens.worker, { departments: [county.departments.single], note: 'Gate 3, now' }, 201);
      const pushed = await eventually('the whistle on the summoned department’s stream', () => {
        const event = stream.events.find((e) => e.type === 'notice' && e.data.kind === 'whistle_summons' && e.data.requestId === joint.filed.id);
        if (!event) throw new Error('not yet');
        return event;
      });
      expect(pushed.data.data).toMatchObject({ whistleId: whistle.id, note: 'Gate 3, now', deadlineAt: whistle.deadlineAt });
      const listed = await noticeOf(county.tokens.singleStaff, joint.filed.id, 'whistle_summons');
      expect(listed).toHaveLength(1);
      const arrived = await flow.step(`requests/${joint.filed.id}/whistle/${whistle.id}/arrive`, county.tokens.singleStaff);
      expect(arrived.departments[0]).toMatchObject({ departmentCode: county.departments.single, status: 'on_time' });
      // The department that was not summoned hears nothing of it.
      expect((await deskNotices(county.tokens.assistStaff)).filter((n) => n.kind === 'whistle_summons' && n.requestId === joint.filed.id)).toEqual([]);
    } finally {
      stream.close();
    }
  });

  it('puts a message between 主办 and 协办 on the other department’s desk, not on the sender’s', async () => {
    const joint = await flow.fileJoint();
    await flow.step(`requests/${joint.filed.id}/messages`, county.tokens.assistStaff, { body: '现场已清理，请主办单位确认' }, 201);
    const [notice] = await noticeOf(county.tokens.leadStaff[0], joint.filed.id, 'case_message');
    expect(notice.data).toEqual({ departmentCode: county.departments.assist, body: '现场已清理，请主办单位确认' });
    expect((await deskNotices(county.tokens.assistStaff)).filter((n) => n.kind === 'case_message' && n.requestId === joint.filed.id)).toEqual([]);
  });

  it('puts a 催办 reminder on the desk when a claim deadline passes', async () => {
    const joint = await flow.fileJoint();
    await db.query(`UPDATE assignments SET claim_due_at = now() - interval '1 minute' WHERE id = $1`, [joint.lead]);
    const [reminder] = await noticeOf(county.tokens.leadStaff[1], joint.filed.id, 'reminder');
    expect(reminder.data).toMatchObject({ assignmentId: joint.lead, breach: 'claim' });
  });

  it('records one notice when Kafka delivers the same whistle twice, and sends it out once', async () => {
    const joint = await flow.fileJoint();
    await flow.step(`requests/${joint.filed.id}/whistle`, county.tokens.worker, { departments: [county.departments.single] }, 201);
    const [notice] = await noticeOf(county.tokens.singleStaff, joint.filed.id, 'whistle_summons');
    const topic = `governance.dept.${county.departments.single}.v1`;
    const [original] = await db.query<{ message_key: string; payload: string; headers: Record<string, string> }>(
      `SELECT o.message_key, o.payload, o.headers FROM outbox o JOIN request_events e ON e.event_id = o.event_id
        WHERE e.request_id = $1 AND e.type = 'request.whistle_blown' AND o.topic = $2`,
      [joint.filed.id, topic],
    );
    // Redelivery as Kafka may do it: the very same message again.
    const sent = await kafka.produce({ topic, key: original.message_key, value: original.payload, headers: original.headers });
    await eventually('the department handler past the redelivered whistle', async () => {
      const committed = await kafka.committedOffsets(`dept-handler.${county.departments.single}`, topic);
      expect(committed.get(sent.partition) ?? -1).toBeGreaterThan(Number(sent.baseOffset));
    });
    expect((await deskNotices(county.tokens.singleStaff)).filter((n) => n.kind === 'whistle_summons' && n.requestId === joint.filed.id)).toEqual([notice]);
    await eventually('the whistle at the webhook', () => expect(receiver.calls.some((c) => c.json.id === notice.id)).toBe(true));
    expect(receiver.calls.filter((c) => c.json.id === notice.id)).toHaveLength(1);
  });

  it('POSTs each department notice to the webhook, signed over the timestamp and body', async () => {
    const joint = await flow.fileJoint();
    const call = await eventually('the new assignment at the webhook', () => {
      const found = receiver.calls.find((c) => c.json.kind === 'assignment_created' && c.json.requestId === joint.filed.id && c.json.departmentCode === county.departments.lead);
      if (!found) throw new Error('not yet');
      return found;
    });
    const timestamp = call.headers['x-notice-timestamp'] as string;
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
    const expected = createHmac('sha256', SECRET).update(`${timestamp}.${call.body}`).digest('hex');
    expect(call.headers['x-notice-signature']).toBe(`sha256=${expected}`);
    expect(call.headers['x-notice-id']).toBe(call.json.id);
    expect(call.json).toMatchObject({ trackingNo: joint.filed.trackingNo, data: expect.objectContaining({ assignmentId: joint.lead }) });
    expect(call.body).not.toContain('13800001234');
    await eventually('the delivery marked delivered', async () => {
      const [row] = await db.query('SELECT status, attempts FROM notice_deliveries WHERE notice_id = $1', [call.json.id]);
      expect(row).toEqual({ status: 'delivered', attempts: 1 });
    });
  });

  it('retries a failing receiver with a growing delay, and dead-letters the notice after the last attempt with its error', async () => {
    const flaky = county.departments.lead;
    const broken = county.departments.assist;
    receiver.answer = (json, attempt) => (json.departmentCode === broken ? 500 : json.departmentCode === flaky && attempt < 3 ? 503 : 204);
    try {
      const joint = await flow.fileJoint();
      const noticeId = async (department: string): Promise<string> => {
        const [row] = await db.query<{ id: string }>(
          `SELECT id FROM notices WHERE request_id = $1 AND recipient_code = $2 AND kind = 'assignment_created'`,
          [joint.filed.id, department],
        );
        if (!row) throw new Error('not yet');
        return row.id;
      };
      const flakyId = await eventually('the lead’s notice', () => noticeId(flaky));
      const brokenId = await eventually('the assist’s notice', () => noticeId(broken));
      await eventually('the flaky receiver served at the third attempt', async () => {
        const [row] = await db.query('SELECT status, attempts, last_error FROM notice_deliveries WHERE notice_id = $1', [flakyId]);
        expect(row).toEqual({ status: 'delivered', attempts: 3, last_error: null });
      });
      await eventually('the broken receiver dead-lettered after 3 attempts', async () => {
        const [row] = await db.query('SELECT status, attempts, last_error FROM notice_deliveries WHERE notice_id = $1', [brokenId]);
        expect(row).toEqual({ status: 'dead', attempts: 3, last_error: 'Error: the receiver answered HTTP 500' });
      });
      // 300 ms before the second attempt, twice that before the third.
      const times = receiver.calls.filter((c) => c.json.id === brokenId).map((c) => c.at);
      expect(times).toHaveLength(3);
      expect(times[1] - times[0]).toBeGreaterThanOrEqual(300);
      expect(times[2] - times[1]).toBeGreaterThanOrEqual(600);
    } finally {
      receiver.answer = () => 204;
    }
  });
});
