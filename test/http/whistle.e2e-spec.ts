import { County, createCounty } from '../factories/county.factory';
import { createSmallCategory, expectError, fileRequest, leadStaffName } from '../factories/http-helpers';
import { requestBody } from '../factories/request.factory';
import { Workflow } from '../factories/workflow.factory';
import { TestDatabase } from '../support/database';
import { startTestApi, TestApi } from '../support/test-api';

describe('吹哨报到: whistles over HTTP', () => {
  let api: TestApi;
  let county: County;
  let flow: Workflow;
  let db: TestDatabase;

  beforeAll(async () => {
    api = await startTestApi();
    county = await createCounty(api.http, api.adminToken);
    flow = new Workflow(api.http, county);
    db = new TestDatabase();
  });
  afterAll(async () => {
    await db.close();
    await api.close();
  });

  const blow = (requestId: string, token: string, body: object) => flow.post(`requests/${requestId}/whistle`, token, body);
  const arrive = (requestId: string, whistleId: string, token: string) => flow.post(`requests/${requestId}/whistle/${whistleId}/arrive`, token);
  const statusOf = (whistle: Record<string, any>): Record<string, string> =>
    Object.fromEntries(whistle.departments.map((d: { departmentCode: string; status: string }) => [d.departmentCode, d.status]));

  describe('a whistle summoning two departments', () => {
    let requestId: string;
    let whistleId: string;

    beforeAll(async () => {
      ({ filed: { id: requestId } } = await flow.fileJoint());
      const response = await blow(requestId, county.tokens.worker, {
        departments: [county.departments.lead, county.departments.single],
        deadlineMinutes: 10,
        note: 'Come to the night market gate',
      });
      expect(response.status).toBe(201);
      whistleId = response.body.id;
    });

    it('answers the whistle with each department pending until its deadline', async () => {
      const [whistle] = await flow.get<Array<Record<string, any>>>(`requests/${requestId}/whistles`, county.tokens.worker);
      expect(whistle).toMatchObject({ id: whistleId, blownBy: county.users.worker, note: 'Come to the night market gate' });
      expect(Date.parse(whistle.deadlineAt) - Date.parse(whistle.createdAt)).toBe(10 * 60_000);
      expect(statusOf(whistle)).toEqual({ [county.departments.lead]: 'pending', [county.departments.single]: 'pending' });
    });

    it("puts the whistle on the timeline and on each summoned department's topic", async () => {
      const request = await flow.request(requestId);
      const blown = request.timeline.find((e: { type: string }) => e.type === 'request.whistle_blown');
      expect(blown).toMatchObject({ actor: county.users.worker, data: expect.objectContaining({ whistleId, departments: [county.departments.lead, county.departments.single] }) });
      const topics = await db.query(
        `SELECT o.topic FROM outbox o JOIN request_events e ON e.event_id = o.event_id
          WHERE e.request_id = $1 AND e.type = 'request.whistle_blown' ORDER BY o.topic`,
        [requestId],
      );
      expect(topics.map((t) => t.topic).sort()).toEqual(
        ['governance.requests.v1', `governance.dept.${county.departments.lead}.v1`, `governance.dept.${county.departments.single}.v1`].sort(),
      );
    });

    it('records an arrival in time as on time, and a second report as a conflict', async () => {
      const response = await arrive(requestId, whistleId, county.tokens.leadStaff[2]);
      expect(response.status).toBe(200);
      expect(statusOf(response.body)).toMatchObject({ [county.departments.lead]: 'on_time' });
      expect(response.body.departments.find((d: { departmentCode: string }) => d.departmentCode === county.departments.lead)).toMatchObject({
        arrivedBy: leadStaffName(county, 2),
        arrivedAt: expect.any(String),
      });
      const again = await arrive(requestId, whistleId, county.tokens.leadStaff[0]);
      expectError(again, 409, 'already reported', leadStaffName(county, 2));
      expect(again.body.details).toEqual({ departmentCode: county.departments.lead, arrivedBy: leadStaffName(county, 2), arrivedAt: expect.any(String) });
    });

    it('shows a department that did not come by the deadline as absent, on the request and its whistle list', async () => {
      // Eleven minutes pass: everything the whistle recorded moves eleven minutes into the past.
      await db.query(`UPDATE whistles SET created_at = created_at - interval '11 minutes', deadline_at = deadline_at - interval '11 minutes' WHERE id = $1`, [whistleId]);
      await db.query(`UPDATE whistle_summons SET arrived_at = arrived_at - interval '11 minutes' WHERE whistle_id = $1 AND arrived_at IS NOT NULL`, [whistleId]);
      const request = await flow.request(requestId, county.tokens.leader);
      expect(statusOf(request.whistles[0])).toEqual({ [county.departments.lead]: 'on_time', [county.departments.single]: 'absent' });
      const [listed] = await flow.get<Array<Record<string, any>>>(`requests/${requestId}/whistles`, county.tokens.admin);
      expect(statusOf(listed)).toEqual({ [county.departments.lead]: 'on_time', [county.departments.single]: 'absent' });
    });

    it('counts an arrival after the deadline as late, and says so on the timeline', async () => {
      const response = await arrive(requestId, whistleId, county.tokens.singleStaff);
      expect(response.status).toBe(200);
      expect(statusOf(response.body)).toEqual({ [county.departments.lead]: 'on_time', [county.departments.single]: 'late' });
      const { timeline } = await flow.request(requestId);
      const arrivals = timeline.filter((e: { type: string }) => e.type === 'request.whistle_arrival');
      expect(arrivals.map((e: { actor: string; data: Record<string, unknown> }) => [e.actor, e.data.departmentCode, e.data.attendance])).toEqual([
        [leadStaffName(county, 2), county.departments.lead, 'on_time'],
        [county.users.singleStaff, county.departments.single, 'late'],
      ]);
    });

    it('lets staff of a summoned department see the request they were called to', async () => {
      const request = await flow.request(requestId, county.tokens.singleStaff);
      expect(request.whistles).toHaveLength(1);
    });

    it('refuses an arrival from a department the whistle did not summon', async () => {
      expectError(await arrive(requestId, whistleId, county.tokens.assistStaff), 403, county.departments.assist);
    });
  });

  it('gives a whistle 30 minutes by default, and lets a leader of the grid blow it', async () => {
    const { filed } = await flow.fileJoint();
    const response = await blow(filed.id, county.tokens.leader, { departments: [county.departments.assist] });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ blownBy: county.users.leader, note: null });
    expect(Date.parse(response.body.deadlineAt) - Date.parse(response.body.createdAt)).toBe(30 * 60_000);
  });

  it('lets a grid worker summon departments to a grid task', async () => {
    const category = await createSmallCategory(api.http, api.adminToken, county);
    const task = await fileRequest(api.http, county.tokens.worker, requestBody(county, { categoryCode: category }));
    expect(task.route).toBe('grid');
    const response = await blow(task.id, county.tokens.worker, { departments: [county.departments.single] });
    expect(response.status).toBe(201);
    expect(statusOf(response.body)).toEqual({ [county.departments.single]: 'pending' });
  });

  it('refuses a whistle from outside the grid, or from staff', async () => {
    const { filed } = await flow.fileJoint();
    expectError(await blow(filed.id, county.tokens.otherWorker, { departments: [county.departments.lead] }), 403, county.grids.home);
    expectError(await blow(filed.id, county.tokens.otherLeader, { departments: [county.departments.lead] }), 403);
    expectError(await blow(filed.id, county.tokens.leadStaff[0], { departments: [county.departments.lead] }), 403);
    expect((await flow.request(filed.id)).whistles).toEqual([]);
  });

  it('refuses bad summons with 400 naming the field', async () => {
    const { filed } = await flow.fileJoint();
    expectError(await blow(filed.id, county.tokens.worker, { departments: [] }), 400, 'departments');
    expectError(await blow(filed.id, county.tokens.worker, { departments: ['no-such-dept'] }), 400, 'no-such-dept');
    expectError(await blow(filed.id, county.tokens.worker, { departments: [county.departments.lead, county.departments.lead] }), 400, 'departments');
    expectError(await blow(filed.id, county.tokens.worker, { departments: [county.departments.lead], deadlineMinutes: 0 }), 400, 'deadlineMinutes');
    expect((await flow.request(filed.id)).whistles).toEqual([]);
  });

  it('answers 404 for a whistle the request does not have, and 401 without a token', async () => {
    const { filed } = await flow.fileJoint();
    expectError(await arrive(filed.id, '00000000-0000-4000-8000-000000000000', county.tokens.leadStaff[0]), 404);
    const unauthenticated = await api.http.post(`/api/v1/requests/${filed.id}/whistle`).send({ departments: [county.departments.lead] });
    expect(unauthenticated.status).toBe(401);
  });
});
