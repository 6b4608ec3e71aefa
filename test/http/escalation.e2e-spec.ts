import { EscalateRequestCommand } from '@app/casework';
import { CommandBus } from '@nestjs/cqrs';
import { County, createCounty } from '../factories/county.factory';
import { createSmallCategory, expectError, fileRequest } from '../factories/http-helpers';
import { requestBody } from '../factories/request.factory';
import { addRules } from '../factories/routing-policy.factory';
import { TestDatabase } from '../support/database';
import { bearer, startTestApi, TestApi } from '../support/test-api';

describe('escalating a grid task (吹哨) over HTTP', () => {
  let api: TestApi;
  let county: County;
  let db: TestDatabase;
  let category: string;
  let policyVersion: number;
  const ruleId = (): string => `bring-urban-${county.suffix}`;

  beforeAll(async () => {
    api = await startTestApi();
    db = new TestDatabase();
    county = await createCounty(api.http, api.adminToken);
    category = await createSmallCategory(api.http, api.adminToken, county);
    // A grid-route rule: the matter stays in its grid, but once it goes joint urban management assists.
    ({ version: policyVersion } = await addRules(api.http, api.adminToken, {
      id: ruleId(),
      description: 'Urban management helps with these once they go joint',
      when: { categoryCodes: [category] },
      outcome: { route: 'grid', addDepartments: [county.departments.assist] },
    }));
  });
  afterAll(async () => {
    await db.close();
    await api.close();
  });

  /** A grid task; each of another category, so that no three stay open in one category (the cluster rule). */
  const fileTask = async (categoryCode?: string): Promise<Record<string, any>> => {
    const code = categoryCode ?? (await createSmallCategory(api.http, api.adminToken, county));
    const task = await fileRequest(api.http, county.tokens.worker, requestBody(county, { categoryCode: code }));
    expect(task.route).toBe('grid');
    return task;
  };
  const escalate = (id: string, token = county.tokens.worker, body: object = { reason: 'The pipe burst again; the grid has no tools' }) =>
    api.http.post(`/api/v1/requests/${id}/escalate`).set(bearer(token)).send(body);
  const getRequest = async (id: string): Promise<Record<string, any>> => {
    const response = await api.http.get(`/api/v1/requests/${id}`).set(bearer(api.adminToken));
    expect(response.status).toBe(200);
    return response.body;
  };

  describe('by a grid worker of its grid', () => {
    let task: Record<string, any>;
    let escalated: Record<string, any>;

    beforeAll(async () => {
      task = await fileTask(category);
      const response = await escalate(task.id);
      expect(response.status).toBe(200);
      escalated = response.body;
    });

    it('makes it a joint case routed by the current policy, still open, with a joint deadline', () => {
      expect(escalated).toMatchObject({ id: task.id, route: 'joint', status: 'open' });
      expect(escalated.decision).toEqual({
        policyVersion,
        rules: ['escalation', ruleId()],
        reasons: [
          `escalated by ${county.users.worker}: The pipe burst again; the grid has no tools`,
          `the category is ${category}; ${county.departments.assist} assists`,
        ],
      });
      expect(Date.parse(escalated.dueAt)).toBeGreaterThan(Date.parse(task.dueAt));
    });

    it("assigns the category's department as lead and the one the policy adds as assistant", async () => {
      expect(escalated.assignments).toEqual([
        expect.objectContaining({ departmentCode: county.departments.single, role: 'lead', status: 'unclaimed', dueAt: escalated.dueAt }),
        expect.objectContaining({ departmentCode: county.departments.assist, role: 'assist', status: 'unclaimed', dueAt: escalated.dueAt }),
      ]);
      const queue = await api.http.get('/api/v1/assignments').query({ status: 'unclaimed', pageSize: 100 }).set(bearer(county.tokens.singleStaff));
      expect(queue.status).toBe(200);
      expect(queue.body.items.map((a: { requestId: string }) => a.requestId)).toContain(task.id);
    });

    it('puts request.escalated and an assignment.created per department on the timeline, in order', async () => {
      const { timeline } = await getRequest(task.id);
      const types = timeline.map((e: { type: string }) => e.type);
      expect(types.slice(0, 2)).toEqual(['request.filed', 'request.routed']);
      expect(types.slice(2, 5)).toEqual(['request.escalated', 'assignment.created', 'assignment.created']);
      expect(timeline[2]).toMatchObject({
        actor: county.users.worker,
        data: { from: 'grid', route: 'joint', reason: 'The pipe burst again; the grid has no tools' },
      });
      expect(timeline.map((e: { sequence: number }) => e.sequence)).toEqual(timeline.map((_: unknown, i: number) => i + 1));
    });

    it("sends each assignment to its department's topic, as filing does", async () => {
      const rows = await db.query<{ topic: string }>(
        `SELECT topic FROM outbox WHERE message_key = $1 AND payload::jsonb->>'type' = 'assignment.created' ORDER BY id`,
        [task.id],
      );
      expect(rows.map((r) => r.topic).sort()).toEqual(
        [
          'governance.requests.v1',
          'governance.requests.v1',
          `governance.dept.${county.departments.single}.v1`,
          `governance.dept.${county.departments.assist}.v1`,
        ].sort(),
      );
    });

    it('answers 409 when it is escalated again, changing nothing', async () => {
      expectError(await escalate(task.id), 409, 'already a joint case');
      expect((await getRequest(task.id)).assignments).toHaveLength(2);
    });
  });

  it('answers 409 naming the state for a resolved grid task', async () => {
    const task = await fileTask();
    const resolved = await api.http.post(`/api/v1/requests/${task.id}/resolve`).set(bearer(county.tokens.worker)).send({ note: 'Fixed' });
    expect(resolved.status).toBe(200);
    expectError(await escalate(task.id), 409, 'cannot escalate: the request is resolved');
    expect(await getRequest(task.id)).toMatchObject({ route: 'grid', status: 'resolved', assignments: [] });
  });

  it('answers 409 for a case filed joint', async () => {
    const joint = await fileRequest(api.http, county.tokens.worker, requestBody(county, { major: true }));
    expectError(await escalate(joint.id), 409, 'already a joint case');
  });

  it('answers 403 to a grid worker of another grid, to staff and to leaders; 404 to an unknown id; 400 without a reason', async () => {
    const task = await fileTask();
    expectError(await escalate(task.id, county.tokens.otherWorker), 403, county.grids.home);
    expectError(await escalate(task.id, county.tokens.singleStaff), 403);
    expectError(await escalate(task.id, county.tokens.leader), 403);
    expectError(await escalate('00000000-0000-4000-8000-000000000000'), 404);
    expectError(await escalate(task.id, county.tokens.worker, {}), 400, 'reason');
    expectError(await escalate(task.id, county.tokens.worker, { reason: 'x'.repeat(1001) }), 400, 'reason');
    expect(await getRequest(task.id)).toMatchObject({ route: 'grid', status: 'open', assignments: [] });
  });

  it('is done by the system when the command has no actor (an overdue grid task)', async () => {
    const task = await fileTask();
    const answer = await api.app.get(CommandBus).execute(new EscalateRequestCommand(null, task.id, 'overdue: not resolved in time'));
    expect(answer).toMatchObject({ route: 'joint', decision: { reasons: [expect.stringContaining('escalated by the system: overdue')] } });
    const escalatedEvent = (await getRequest(task.id)).timeline.find((e: { type: string }) => e.type === 'request.escalated');
    expect(escalatedEvent).toBeDefined();
    expect(escalatedEvent.actor).toBeUndefined();
  });
});
